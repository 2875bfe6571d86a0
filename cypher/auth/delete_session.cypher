// Ends a session (sign-out). Parameters: $session_id. Returns nothing.
MATCH (s:UserSession {id: $session_id})
DETACH DELETE s
