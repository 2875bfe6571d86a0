// Marks an adult deceased on a date. Parameters: $person_id, $died.
// Returns {id} or no row when the person is not an adult.
MATCH (a:Adult {id: $person_id})
SET a.deceased = true, a.died = $died, a.version = coalesce(a.version, 0) + 1
RETURN a.id AS id
