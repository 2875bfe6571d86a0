// Ends every session of a user (account deactivated or role changed).
// Parameters: $user_id. Returns nothing.
MATCH (s:UserSession {user_id: $user_id})
DETACH DELETE s
