// The record a merged record was merged into (following a chain of merges).
// Parameters: $person_id. Returns {id} or no row when the record was not merged.
MATCH (:Person {id: $person_id})-[:MERGED_INTO*1..5]->(kept:Person)
WHERE NOT EXISTS { (kept)-[:MERGED_INTO]->() }
RETURN kept.id AS id
LIMIT 1
