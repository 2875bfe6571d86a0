// Counts the relationships that start at a node whose id starts with $prefix, per type.
// Parameters: $prefix. Returns rows {type, count}.
MATCH (n)-[r]->()
WHERE n.id STARTS WITH $prefix
RETURN type(r) AS type, count(*) AS count
