// Professionals by id, with their agency: for pages that name accounts' professionals.
// Parameters: $ids. Returns rows {id, name, agency_name, agency_type}.
MATCH (p:Professional) WHERE p.id IN $ids
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
RETURN p.id AS id, p.name AS name, a.name AS agency_name, a.type AS agency_type
