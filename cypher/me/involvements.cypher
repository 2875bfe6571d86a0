// The children a professional works with now: role, since, the lead practitioner.
// Parameters: $professional_id. Returns rows {involvement_id, child_id, child_name, role,
// since, last_contact, lead, leads: [names], families: [{id, name}]}.
MATCH (me:Professional {id: $professional_id})-[i:INVOLVED_WITH]->(c:Child)
WHERE i.`to` IS NULL
OPTIONAL MATCH (lead:Professional)-[l:INVOLVED_WITH {lead: true}]->(c) WHERE l.`to` IS NULL
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN i.id AS involvement_id, c.id AS child_id, c.given_name + ' ' + c.family_name AS child_name,
       i.role AS role, i.`from` AS since, i.last_contact AS last_contact,
       coalesce(i.lead, false) AS lead, collect(DISTINCT lead.name) AS leads,
       collect(DISTINCT f {.id, .name}) AS families
ORDER BY child_name
