// The sign-in throttles for the given keys (hashes of an account or an address).
// Parameters: $keys. Returns rows {key, failures, window_start, locked_until}.
MATCH (t:SignInThrottle) WHERE t.key IN $keys
RETURN t.key AS key, t.failures AS failures, t.window_start AS window_start,
       t.locked_until AS locked_until
