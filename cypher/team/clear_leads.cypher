// Removes the lead flag from every ongoing involvement with the child (a new lead is about
// to be named). Parameters: $child_id. Returns rows {professional_id, professional_name}
// of the previous leads.
MATCH (p:Professional)-[i:INVOLVED_WITH]->(:Person {id: $child_id})
WHERE i.`to` IS NULL AND i.lead
SET i.lead = false
RETURN p.id AS professional_id, p.name AS professional_name
