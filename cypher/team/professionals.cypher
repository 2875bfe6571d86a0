// Professionals to choose a colleague or a successor from (not those who have left).
// No parameters.
// Returns rows {id, name, job_title, agency_name}.
MATCH (p:Professional)
WHERE p.left IS NULL
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
RETURN p.id AS id, p.name AS name, p.job_title AS job_title, a.name AS agency_name
ORDER BY a.name, p.name LIMIT 5000
