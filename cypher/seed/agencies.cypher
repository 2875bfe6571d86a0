// Seed: creates each agency that does not exist yet, matched by id; an existing one is left
// exactly as it is, so loading the same rows twice changes nothing.
// Parameters: $rows, a list of {id, props}. Returns nothing.
UNWIND $rows AS row
MERGE (n:Agency {id: row.id})
ON CREATE SET n += row.props
