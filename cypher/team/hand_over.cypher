// Records a handover from one professional to another for a child.
// Parameters: $from_id, $to_id, $child_id, $on. Returns nothing.
MATCH (a:Professional {id: $from_id}), (b:Professional {id: $to_id})
CREATE (a)-[:HANDED_OVER_TO {on: $on, `for`: $child_id}]->(b)
