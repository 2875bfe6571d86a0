// Bench only: families of the area whose network map has roughly $min to $max nodes
// (members + professionals + their agencies + a household), first $limit by id.
// Parameters: $prefix, $min, $max, $limit. Returns rows {family_id, approx_nodes}.
MATCH (f:Family) WHERE f.id STARTS WITH $prefix
MATCH (f)<-[:MEMBER_OF]-(m:Person)
WITH f, count(m) AS members
OPTIONAL MATCH (p:Professional)-[:INVOLVED_WITH]->(:Person)-[:MEMBER_OF]->(f)
WITH f, members, count(DISTINCT p) AS professionals
WITH f, members + 2 * professionals + 1 AS approx_nodes
WHERE $min <= approx_nodes <= $max
RETURN f.id AS family_id, approx_nodes
ORDER BY f.id LIMIT $limit
