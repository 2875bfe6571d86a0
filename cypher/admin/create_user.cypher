// Creates an account, linked to its professional when one is named.
// Parameters: $id, $email (lower case), $password_hash, $role, $professional_id (or null).
// Returns {id}; fails on the unique email constraint when the email is taken.
CREATE (u:User {id: $id, email: $email, password_hash: $password_hash, role: $role,
                active: true, created_at: datetime()})
WITH u
OPTIONAL MATCH (p:Professional {id: $professional_id})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (u)-[:IS]->(p))
RETURN u.id AS id
