// Counts the nodes whose id starts with $prefix, per label (a child counts under Person
// and Child). Parameters: $prefix. Returns rows {label, count}.
MATCH (n)
WHERE n.id STARTS WITH $prefix
UNWIND labels(n) AS label
RETURN label, count(*) AS count
