// Import: creates or updates PARENT_OF relationships between nodes already written.
// Idempotent (one relationship per pair). Parameters: $rows, a list of {from, to, props,
// created} (`created`: all of a new relationship's properties). Returns nothing.
UNWIND $rows AS row
MATCH (a:Person {id: row.from})
MATCH (b:Person {id: row.to})
MERGE (a)-[r:PARENT_OF]->(b)
ON CREATE SET r += row.created
ON MATCH SET r += row.props
