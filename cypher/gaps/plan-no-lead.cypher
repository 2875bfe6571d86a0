// Gap plan-no-lead: a child on a child in need or early help plan (the plan types are
// configurable) with no current lead practitioner, or with more than one.
// Severity: medium. Basis: one lead practitioner per child (Working Together).
// Parameters: $family_id, $today, $plan_types.
// Returns rows {child_id, person_id: null, family_id, since, facts: {plan_type, plan_start, leads}, subject_dob,
// subject_unborn}.
CALL {
  WITH $family_id AS only WHERE only IS NOT NULL
  MATCH (:Family {id: only})<-[:MEMBER_OF]-(c:Child)-[:SUBJECT_OF]->(p:Plan) RETURN c, p
  UNION
  WITH $family_id AS only WHERE only IS NULL
  MATCH (c:Child)-[:SUBJECT_OF]->(p:Plan) RETURN c, p
}
WITH c, p
WHERE p.type IN $plan_types AND (p.end IS NULL OR p.end >= $today)
WITH c, p, COUNT {
  MATCH (:Professional)-[i:INVOLVED_WITH {lead: true}]->(c)
  WHERE i.`to` IS NULL OR i.`to` >= $today
} AS leads
WHERE leads <> 1
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS child_id, null AS person_id, min(f.id) AS family_id, p.start AS since,
       {plan_type: p.type, plan_start: p.start, leads: leads} AS facts,
       c.dob AS subject_dob, coalesce(c.unborn, false) AS subject_unborn
