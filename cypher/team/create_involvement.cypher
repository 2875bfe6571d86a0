// Adds a professional to a child's team. No last contact is recorded: joining, being
// added or taking over is not contact with the child ("Seen today" records that).
// Parameters: $id, $professional_id, $child_id, $role, $since, $lead. Returns {id}.
MATCH (p:Professional {id: $professional_id})
MATCH (c:Person {id: $child_id})
CREATE (p)-[i:INVOLVED_WITH {id: $id, role: $role, lead: $lead, `from`: $since}]->(c)
RETURN i.id AS id
