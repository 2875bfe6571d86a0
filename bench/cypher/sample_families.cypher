// Bench only: families of the area, first $limit by id.
// Parameters: $prefix, $limit. Returns rows {id}.
MATCH (f:Family) WHERE f.id STARTS WITH $prefix
RETURN f.id AS id ORDER BY f.id LIMIT $limit
