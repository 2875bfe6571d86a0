// Adds a professional to a child's team. Parameters: $id, $professional_id, $child_id,
// $role, $since, $lead. Returns {id}.
MATCH (p:Professional {id: $professional_id})
MATCH (c:Child {id: $child_id})
CREATE (p)-[i:INVOLVED_WITH {id: $id, role: $role, lead: $lead, `from`: $since,
                             last_contact: $since}]->(c)
RETURN i.id AS id
