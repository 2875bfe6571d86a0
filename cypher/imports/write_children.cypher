// Import: creates or updates children by id. `props` are the values the import holds
// (set on every write); `created` only when the node is new (where it came from).
// Idempotent: writing the same rows again leaves the same graph.
// Parameters: $rows, a list of {id, props, created}. Returns nothing.
UNWIND $rows AS row
MERGE (n:Person:Child {id: row.id})
ON CREATE SET n += row.created
SET n += row.props
