// Saved query: Professionals working with at least this many children now.
// param min_children: int = 20
// Read only; leaves sensitive services out with $hide_sensitive (app/access.py's rule).
// Parameters besides the typed one: $hide_sensitive, $sensitive_agency_types,
// $sensitive_roles. Returns rows {professional, agency, children}.
MATCH (p:Professional)-[i:INVOLVED_WITH]->(c:Child)
WHERE i.`to` IS NULL
  AND NOT ($hide_sensitive AND (coalesce(p.sensitive_role, false) OR i.role IN $sensitive_roles
           OR EXISTS { (p)-[:WORKS_FOR]->(s:Agency) WHERE s.type IN $sensitive_agency_types }))
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
WITH p, a, count(DISTINCT c) AS children
WHERE children >= $min_children
RETURN p.name AS professional, a.name AS agency, children
ORDER BY children DESC LIMIT 1000
