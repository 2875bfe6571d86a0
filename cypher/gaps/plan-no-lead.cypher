// Gap plan-no-lead: a child on a child in need or early help plan (the plan types are
// configurable) with no current lead practitioner, or with more than one.
// Severity: medium. Basis: one lead practitioner per child (Working Together).
// Parameters: $family_id, $today, $plan_types.
// Returns rows {child_id, family_id, since, facts: {plan_type, plan_start, leads}}.
MATCH (c:Child)-[:SUBJECT_OF]->(p:Plan)
WHERE p.type IN $plan_types AND (p.end IS NULL OR p.end >= $today)
  AND ($family_id IS NULL OR EXISTS { (c)-[:MEMBER_OF]->(:Family {id: $family_id}) })
WITH c, p, COUNT {
  MATCH (:Professional)-[i:INVOLVED_WITH {lead: true}]->(c)
  WHERE i.`to` IS NULL OR i.`to` >= $today
} AS leads
WHERE leads <> 1
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS child_id, min(f.id) AS family_id, p.start AS since,
       {plan_type: p.type, plan_start: p.start, leads: leads} AS facts
