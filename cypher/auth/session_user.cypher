// The signed-in user behind a session id, if the session exists, has been used within the
// idle timeout and the account is active. Parameters: $session_id, $idle_seconds.
// Returns {user_id, email, role, extra_roles, professional_id, professional_name,
// last_seen_at} or no row.
MATCH (s:UserSession {id: $session_id})-[:FOR]->(u:User)
WHERE u.active AND s.last_seen_at > datetime() - duration({seconds: $idle_seconds})
OPTIONAL MATCH (u)-[:IS]->(p:Professional)
RETURN u.id AS user_id, u.email AS email, u.role AS role,
       coalesce(u.extra_roles, []) AS extra_roles, p.id AS professional_id,
       p.name AS professional_name, s.last_seen_at AS last_seen_at
