// One professional as the directory shows them, with their agency and version.
// Parameters: $professional_id. Returns {id, name, job_title, email, phone,
// sensitive_role, left, agency_id, agency_name, version} or no row.
MATCH (p:Professional {id: $professional_id})
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
RETURN p.id AS id, p.name AS name, p.job_title AS job_title, p.email AS email,
       p.phone AS phone, coalesce(p.sensitive_role, false) AS sensitive_role, p.left AS left,
       a.id AS agency_id, a.name AS agency_name, coalesce(p.version, 0) AS version
