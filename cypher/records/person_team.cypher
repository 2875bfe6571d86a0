// Who works with a person now: professional, role, lead, agency.
// Parameters: $person_id. Returns rows {professional_name, role, lead, agency_name}.
MATCH (p:Professional)-[i:INVOLVED_WITH]->(:Person {id: $person_id})
WHERE i.`to` IS NULL
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
RETURN p.name AS professional_name, i.role AS role, coalesce(i.lead, false) AS lead,
       a.name AS agency_name
ORDER BY lead DESC, agency_name, professional_name
