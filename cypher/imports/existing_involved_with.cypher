// Import: which of these involvements exist (looked up from the person's side, which is
// indexed), with their properties. Parameters: $rows, a list of {id, from, to}.
// Returns rows {id, props}.
UNWIND $rows AS row
MATCH (:Person {id: row.to})<-[r:INVOLVED_WITH {id: row.id}]-(:Professional)
RETURN r.id AS id, properties(r) AS props
