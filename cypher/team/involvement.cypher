// One involvement with its professional and child. Parameters: $involvement_id.
// Returns {id, role, lead, since, ended, professional_id, professional_name, child_id} or no row.
MATCH (p:Professional)-[i:INVOLVED_WITH {id: $involvement_id}]->(c:Person)
RETURN i.id AS id, i.role AS role, coalesce(i.lead, false) AS lead, i.`from` AS since,
       i.`to` AS ended, p.id AS professional_id, p.name AS professional_name, c.id AS child_id
