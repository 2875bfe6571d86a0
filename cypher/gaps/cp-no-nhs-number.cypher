// Gap cp-no-nhs-number: a child on an active child protection or looked-after plan with no
// NHS number, so health flags cannot work. Severity: medium.
// Parameters: $family_id, $today.
// Returns rows {child_id, family_id, since, facts: {plan_type}}.
MATCH (c:Child)-[:SUBJECT_OF]->(p:Plan)
WHERE p.type IN ['CP', 'LAC'] AND (p.end IS NULL OR p.end >= $today)
  AND c.nhs_number IS NULL AND c.unborn IS NULL
  AND ($family_id IS NULL OR EXISTS { (c)-[:MEMBER_OF]->(:Family {id: $family_id}) })
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS child_id, min(f.id) AS family_id, p.start AS since, {plan_type: p.type} AS facts
