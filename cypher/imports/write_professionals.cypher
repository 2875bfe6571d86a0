// Import: creates or updates professionals by id. `created` is everything a new node holds (with where
// it came from); `props` what an existing one is brought up to date with.
// Idempotent: writing the same rows again leaves the same graph.
// Parameters: $rows, a list of {id, props, created}. Returns nothing.
UNWIND $rows AS row
MERGE (n:Professional {id: row.id})
ON CREATE SET n += row.created
ON MATCH SET n += row.props
