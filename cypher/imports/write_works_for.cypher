// Import: creates or updates WORKS_FOR relationships between nodes already written.
// Idempotent (one relationship per pair). Parameters: $rows, a list of {from, to, props,
// created} (`created`: all of a new relationship's properties). Returns nothing.
UNWIND $rows AS row
MATCH (a:Professional {id: row.from})
MATCH (b:Agency {id: row.to})
MERGE (a)-[r:WORKS_FOR]->(b)
ON CREATE SET r += row.created
ON MATCH SET r += row.props
