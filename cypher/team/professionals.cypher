// Professionals to choose a colleague or a successor from. No parameters.
// Returns rows {id, name, job_title, agency_name}.
MATCH (p:Professional)
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
RETURN p.id AS id, p.name AS name, p.job_title AS job_title, a.name AS agency_name
ORDER BY a.name, p.name LIMIT 5000
