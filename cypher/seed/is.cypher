// Seed: links a user account to the professional it belongs to once; an existing link is left as it is.
// Parameters: $rows, a list of {from, to, props} where from and to are node ids.
// Returns nothing. Rows whose ends do not exist are skipped. Properties are set by name,
// not with `+=`, which would make the planner buffer every row (an Eager operator).
UNWIND $rows AS row
MATCH (a:User {id: row.from})
MATCH (b:Professional {id: row.to})
MERGE (a)-[:IS]->(b)
