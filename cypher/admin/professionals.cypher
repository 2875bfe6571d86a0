// Professionals without an account yet, to link a new account to. No parameters.
// Returns rows {id, name, agency_name}.
MATCH (p:Professional)
WHERE NOT EXISTS { (:User)-[:IS]->(p) }
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
RETURN p.id AS id, p.name AS name, a.name AS agency_name
ORDER BY a.name, p.name
LIMIT 2000
