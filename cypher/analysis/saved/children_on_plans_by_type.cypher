// Saved query: Children on a current plan of this type, with their lead practitioner.
// param plan_type: choice(CP, CIN, EARLY_HELP, LAC, PRE_BIRTH) = CP
// Read only. Every saved query also takes $hide_sensitive, $sensitive_agency_types and
// $sensitive_roles, and leaves sensitive services out when asked (app/access.py's rule).
// Returns rows {child, plan_start, lead}.
MATCH (c:Child)-[:SUBJECT_OF]->(p:Plan {type: $plan_type})
WHERE p.end IS NULL
OPTIONAL MATCH (lead:Professional)-[i:INVOLVED_WITH {lead: true}]->(c)
WHERE i.`to` IS NULL
  AND NOT ($hide_sensitive AND (coalesce(lead.sensitive_role, false) OR i.role IN $sensitive_roles
           OR EXISTS { (lead)-[:WORKS_FOR]->(s:Agency) WHERE s.type IN $sensitive_agency_types }))
RETURN c.given_name + ' ' + c.family_name AS child, p.start AS plan_start,
       collect(lead.name) AS lead
ORDER BY plan_start LIMIT 1000
