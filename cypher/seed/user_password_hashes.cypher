// The password hashes of the given users, to tell whether the demo password changed.
// Parameters: $ids. Returns rows {id, password_hash}.
MATCH (u:User) WHERE u.id IN $ids
RETURN u.id AS id, u.password_hash AS password_hash
