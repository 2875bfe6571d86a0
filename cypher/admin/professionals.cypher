// Professionals without an account yet, to link a new account to (accounts live in the
// app's store, which passes the professionals already linked). Parameters: $linked_ids.
// Returns rows {id, name, agency_name}.
MATCH (p:Professional)
WHERE NOT p.id IN $linked_ids
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
RETURN p.id AS id, p.name AS name, a.name AS agency_name
ORDER BY a.name, p.name
LIMIT 2000
