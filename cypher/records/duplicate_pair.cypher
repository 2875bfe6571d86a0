// One possible duplicate by its key. Parameters: $key.
// Returns {key, a, b, reasons, found_at} or no row.
MATCH (d:DuplicatePair {key: $key})
RETURN d.key AS key, d.a AS a, d.b AS b, d.reasons AS reasons, d.found_at AS found_at
