// Bench only: people of the area to find paths between, first $limit by id.
// Parameters: $prefix, $limit. Returns rows {id}.
MATCH (p:Person) WHERE p.id STARTS WITH $prefix AND p.unborn IS NULL
RETURN p.id AS id ORDER BY p.id LIMIT $limit
