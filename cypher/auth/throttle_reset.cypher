// Clears an account's failed sign-ins after a successful one. Parameters: $key.
MATCH (t:SignInThrottle {key: $key})
DETACH DELETE t
