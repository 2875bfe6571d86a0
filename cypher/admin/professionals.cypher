// Professionals without an account yet, who have not left, to link an account to
// (accounts live in the app's store, which passes the professionals already linked). Parameters: $linked_ids.
// Returns rows {id, name, agency_name}.
MATCH (p:Professional)
WHERE NOT p.id IN $linked_ids AND p.left IS NULL
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
RETURN p.id AS id, p.name AS name, a.name AS agency_name
ORDER BY a.name, p.name
LIMIT 2000
