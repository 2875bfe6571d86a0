// Starts a server-side session for a user who just signed in. The cookie carries only the
// session's random id, so signing out (deleting this node) ends it everywhere.
// Parameters: $session_id, $user_id. Returns {id}.
MATCH (u:User {id: $user_id})
CREATE (s:UserSession {id: $session_id, user_id: $user_id, created_at: datetime(),
                       last_seen_at: datetime()})
CREATE (s)-[:FOR]->(u)
RETURN s.id AS id
