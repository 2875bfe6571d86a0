// A child's current plan of one type, if any. Parameters: $child_id, $type.
// Returns {id} or no row.
MATCH (:Child {id: $child_id})-[:SUBJECT_OF]->(p:Plan {type: $type})
WHERE p.end IS NULL
RETURN p.id AS id
LIMIT 1
