// Creates a personal API token for a user; only its SHA-256 hash is stored.
// Parameters: $id, $user_id, $token_hash, $name. Returns {id}.
MATCH (u:User {id: $user_id})
CREATE (t:ApiToken {id: $id, user_id: $user_id, token_hash: $token_hash, name: $name,
                    created_at: datetime()})
CREATE (t)-[:FOR]->(u)
RETURN t.id AS id
