// The active user behind an unrevoked token hash, and notes the token's use.
// Parameters: $token_hash. Returns {user_id, email, role, extra_roles, professional_id,
// professional_name} or no row.
MATCH (t:ApiToken {token_hash: $token_hash})-[:FOR]->(u:User)
WHERE t.revoked_at IS NULL AND u.active
SET t.last_used_at = datetime()
WITH u
OPTIONAL MATCH (u)-[:IS]->(p:Professional)
RETURN u.id AS user_id, u.email AS email, u.role AS role,
       coalesce(u.extra_roles, []) AS extra_roles, p.id AS professional_id,
       p.name AS professional_name
