// The child's active concerns (not withdrawn), one per professional.
// Parameters: $child_id. Returns rows {professional_id, professional_name, agency_id,
// agency_name, raised_at}.
MATCH (p:Professional)-[r:RAISED_CONCERN]->(:Child {id: $child_id})
WHERE r.withdrawn_at IS NULL
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
RETURN p.id AS professional_id, p.name AS professional_name, a.id AS agency_id,
       a.name AS agency_name, r.raised_at AS raised_at
ORDER BY r.raised_at
