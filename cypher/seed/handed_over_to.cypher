// Seed: records that one professional handed a person's involvement over to another,
// once per person. Parameters: $rows, a list of {from: leaver id, to: successor id,
// props: {on, for: the person's id}}. Returns nothing.
UNWIND $rows AS row
MATCH (a:Professional {id: row.from})
MATCH (b:Professional {id: row.to})
MERGE (a)-[r:HANDED_OVER_TO {`for`: row.props.`for`}]->(b)
ON CREATE SET r.on = row.props.on
