// The families a child belongs to, to decide access to the child through them.
// Parameters: $child_id. Returns rows {family_id}.
MATCH (:Child {id: $child_id})-[:MEMBER_OF]->(f:Family)
RETURN f.id AS family_id
