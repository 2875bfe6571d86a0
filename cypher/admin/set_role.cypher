// Changes an account's role. Parameters: $id, $role. Returns {id} or no row.
MATCH (u:User {id: $id})
SET u.role = $role
RETURN u.id AS id
