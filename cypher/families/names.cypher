// Families' names by id (for lists kept outside the graph, such as break-glass grants).
// Parameters: $ids. Returns rows {id, name}.
MATCH (f:Family) WHERE f.id IN $ids
RETURN f.id AS id, f.name AS name
