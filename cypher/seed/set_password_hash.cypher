// Sets one user's password hash. Parameters: $id, $password_hash. Returns {id}.
MATCH (u:User {id: $id})
SET u.password_hash = $password_hash
RETURN u.id AS id
