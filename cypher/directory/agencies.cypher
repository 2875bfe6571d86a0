// The directory's agencies with how many professionals work for each now.
// Parameters: none. Returns rows {id, name, type, professionals}.
MATCH (a:Agency)
RETURN a.id AS id, a.name AS name, a.type AS type,
       COUNT { (p:Professional)-[:WORKS_FOR]->(a) WHERE p.left IS NULL } AS professionals
ORDER BY a.name
