// Pairs a person has said are two people (NOT_SAME_AS): never flagged again.
// Parameters: none. Returns rows {a, b}.
MATCH (a:Person)-[:NOT_SAME_AS]->(b:Person)
RETURN a.id AS a, b.id AS b
