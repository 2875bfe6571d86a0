// A professional and their agency. Parameters: $professional_id.
// Returns {id, name, agency_id, agency_type} or no row.
MATCH (p:Professional {id: $professional_id})
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
RETURN p.id AS id, p.name AS name, a.id AS agency_id, a.type AS agency_type
