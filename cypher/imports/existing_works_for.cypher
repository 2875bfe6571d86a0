// Import: which of these WORKS_FOR relationships exist, with their properties.
// Parameters: $rows, a list of {from, to} ids. Returns rows {from, to, props}.
UNWIND $rows AS row
MATCH (a:Professional {id: row.from})-[r:WORKS_FOR]->(b:Agency {id: row.to})
RETURN a.id AS from, b.id AS to, properties(r) AS props
