// Import: creates or updates involvements by id. A new involvement is the lead only when
// the import names it lead and nobody leads the child's team now: an import never takes
// the lead from someone the team named in the app. Idempotent.
// Parameters: $rows, a list of {from, to, props, created, lead}. Returns nothing.
UNWIND $rows AS row
MATCH (a:Professional {id: row.from})
MATCH (b:Person {id: row.to})
WITH a, b, row, CASE WHEN row.lead THEN NOT EXISTS {
  MATCH (b)<-[other:INVOLVED_WITH {lead: true}]-()
  WHERE other.`to` IS NULL AND other.id <> row.props.id
} ELSE false END AS lead
MERGE (a)-[r:INVOLVED_WITH {id: row.props.id}]->(b)
ON CREATE SET r += row.created, r.lead = lead
ON MATCH SET r += row.props
