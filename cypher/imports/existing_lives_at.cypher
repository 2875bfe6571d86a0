// Import: which of these LIVES_AT relationships exist, with their properties.
// Parameters: $rows, a list of {from, to} ids. Returns rows {from, to, props}.
UNWIND $rows AS row
MATCH (a:Person {id: row.from})-[r:LIVES_AT]->(b:Household {id: row.to})
RETURN a.id AS from, b.id AS to, properties(r) AS props
