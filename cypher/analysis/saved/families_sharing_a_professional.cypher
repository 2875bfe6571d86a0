// Saved query: Pairs of families linked by a professional who works with both now.
// param professional_id: text
// Read only; leaves sensitive services out with $hide_sensitive (app/access.py's rule).
// Parameters besides the typed one: $hide_sensitive, $sensitive_agency_types,
// $sensitive_roles. Returns rows {professional, family, other_family}.
MATCH (p:Professional {id: $professional_id})-[i:INVOLVED_WITH]->(:Person)-[:MEMBER_OF]->(f:Family)
WHERE i.`to` IS NULL
  AND NOT ($hide_sensitive AND (coalesce(p.sensitive_role, false) OR i.role IN $sensitive_roles
           OR EXISTS { (p)-[:WORKS_FOR]->(s:Agency) WHERE s.type IN $sensitive_agency_types }))
WITH p, collect(DISTINCT f) AS families
UNWIND families AS f
UNWIND families AS g
WITH p, f, g WHERE f.id < g.id
RETURN p.name AS professional, f.name AS family, g.name AS other_family
LIMIT 1000
