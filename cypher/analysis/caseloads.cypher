// Professionals' caseloads: how many children each works with now, with agency.
// No parameters. Returns rows {professional_id, name, job_title, agency_name, agency_type,
// children}.
MATCH (p:Professional)
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
WITH p, a, COUNT { MATCH (p)-[i:INVOLVED_WITH]->(:Child) WHERE i.`to` IS NULL } AS children
WHERE children > 0
RETURN p.id AS professional_id, p.name AS name, p.job_title AS job_title,
       a.name AS agency_name, a.type AS agency_type, children
ORDER BY children DESC
