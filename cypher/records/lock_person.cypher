// Takes a person's write lock for the rest of the transaction. Parameters: $person_id.
// Returns {id, kind} or no row.
MATCH (p:Person {id: $person_id})
SET p._lock = true
REMOVE p._lock
RETURN p.id AS id, CASE WHEN p:Child THEN 'child' ELSE 'adult' END AS kind
