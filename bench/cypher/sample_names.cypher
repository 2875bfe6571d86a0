// Bench only: names of people in the area to search for, first $limit by id.
// Parameters: $prefix, $limit. Returns rows {given_name, family_name}.
MATCH (p:Person) WHERE p.id STARTS WITH $prefix AND p.unborn IS NULL
RETURN p.given_name AS given_name, p.family_name AS family_name
ORDER BY p.id LIMIT $limit
