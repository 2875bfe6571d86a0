// Saved query: Professionals working with at least this many children now.
// param min_children: int = 20
// Read only. Returns rows {professional, agency, children}.
MATCH (p:Professional)-[i:INVOLVED_WITH]->(c:Child)
WHERE i.`to` IS NULL
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
WITH p, a, count(DISTINCT c) AS children
WHERE children >= $min_children
RETURN p.name AS professional, a.name AS agency, children
ORDER BY children DESC LIMIT 1000
