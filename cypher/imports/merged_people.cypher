// Import: which of these people's records were merged into another record (a tombstone),
// and the record kept, of the same kind. Parameters: $rows, a list of {id, kind}.
// Returns rows {id, kind, kept_id}.
UNWIND $rows AS row
MATCH (:Person {id: row.id})-[:MERGED_INTO*1..5]->(kept:Person)
WHERE NOT EXISTS { (kept)-[:MERGED_INTO]->() }
  AND (row.kind = 'Child') = (kept:Child)
RETURN row.id AS id, row.kind AS kind, kept.id AS kept_id
