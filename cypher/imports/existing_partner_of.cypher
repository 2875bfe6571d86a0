// Import: which of these PARTNER_OF relationships exist, with their properties.
// Parameters: $rows, a list of {from, to} ids. Returns rows {from, to, props}.
UNWIND $rows AS row
MATCH (a:Person {id: row.from})-[r:PARTNER_OF]->(b:Person {id: row.to})
RETURN a.id AS from, b.id AS to, properties(r) AS props
