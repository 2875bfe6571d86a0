// The child's ongoing and ended involvements with professional and agency.
// Parameters: $child_id. Returns rows {involvement_id, role, lead, since, ended,
// last_contact, ended_reason, professional_id, professional_name, job_title, phone, email,
// sensitive_role, agency_name, agency_type}.
MATCH (p:Professional)-[i:INVOLVED_WITH]->(:Child {id: $child_id})
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
RETURN i.id AS involvement_id, i.role AS role, coalesce(i.lead, false) AS lead,
       i.`from` AS since, i.`to` AS ended, i.last_contact AS last_contact,
       i.ended_reason AS ended_reason, p.id AS professional_id, p.name AS professional_name,
       p.job_title AS job_title, p.phone AS phone, p.email AS email,
       coalesce(p.sensitive_role, false) AS sensitive_role, a.name AS agency_name,
       a.type AS agency_type
ORDER BY i.`to` IS NOT NULL, a.name, p.name
