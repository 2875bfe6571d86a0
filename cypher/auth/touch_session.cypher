// Records that a session was used now (keeps it alive against the idle timeout).
// Parameters: $session_id. Returns nothing.
MATCH (s:UserSession {id: $session_id})
SET s.last_seen_at = datetime()
