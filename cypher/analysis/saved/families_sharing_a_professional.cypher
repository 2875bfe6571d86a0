// Saved query: Pairs of families linked by a professional who works with both now.
// param professional_id: text
// Read only. Returns rows {professional, family, other_family}.
MATCH (p:Professional {id: $professional_id})-[i:INVOLVED_WITH]->(:Person)-[:MEMBER_OF]->(f:Family)
WHERE i.`to` IS NULL
WITH p, collect(DISTINCT f) AS families
UNWIND families AS f
UNWIND families AS g
WITH p, f, g WHERE f.id < g.id
RETURN p.name AS professional, f.name AS family, g.name AS other_family
LIMIT 1000
