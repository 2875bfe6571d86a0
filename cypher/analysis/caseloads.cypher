// Professionals' caseloads: how many children each works with now, with agency. With
// $hide_sensitive, professionals of a sensitive service (their own mark or their agency's
// type) and involvements in a sensitive role are left out (the rule of app/access.py).
// Parameters: $hide_sensitive, $sensitive_agency_types, $sensitive_roles.
// Returns rows {professional_id, name, job_title, agency_name, agency_type, children}.
MATCH (p:Professional)
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
WITH p, a
WHERE NOT ($hide_sensitive AND (coalesce(p.sensitive_role, false)
           OR EXISTS { (p)-[:WORKS_FOR]->(s:Agency) WHERE s.type IN $sensitive_agency_types }))
WITH p, a, COUNT { MATCH (p)-[i:INVOLVED_WITH]->(:Child)
                   WHERE i.`to` IS NULL
                     AND NOT ($hide_sensitive AND i.role IN $sensitive_roles) } AS children
WHERE children > 0
RETURN p.id AS professional_id, p.name AS name, p.job_title AS job_title,
       a.name AS agency_name, a.type AS agency_type, children
ORDER BY children DESC
