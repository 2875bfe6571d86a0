// Seed: links a parent or carer to their child (a child, or an adult: a grandparent to a
// parent) once; an existing link is left as it is.
// Parameters: $rows, a list of {from, to, props} where from and to are node ids.
// Returns nothing. Rows whose ends do not exist are skipped. Properties are set by name,
// not with `+=`, which would make the planner buffer every row (an Eager operator).
UNWIND $rows AS row
MATCH (a:Adult {id: row.from})
MATCH (b:Person {id: row.to})
MERGE (a)-[r:PARENT_OF]->(b)
ON CREATE SET r.kind = row.props.kind
