// Import: creates or updates LIVES_AT relationships between nodes already written.
// Idempotent (one relationship per pair). Parameters: $rows, a list of {from, to, props,
// created} (`created`: all of a new relationship's properties). Returns nothing.
UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Household {id: row.to})
MERGE (a)-[r:LIVES_AT]->(b)
ON CREATE SET r += row.created
ON MATCH SET r += row.props
