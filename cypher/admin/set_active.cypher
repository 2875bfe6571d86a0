// Activates or deactivates an account. Parameters: $id, $active. Returns {id} or no row.
MATCH (u:User {id: $id})
SET u.active = $active
RETURN u.id AS id
