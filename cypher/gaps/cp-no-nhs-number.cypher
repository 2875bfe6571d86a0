// Gap cp-no-nhs-number: a child on an active child protection or looked-after plan with no
// NHS number, so health flags cannot work. Severity: medium.
// Parameters: $family_id, $today.
// Returns rows {child_id, person_id: null, family_id, since, facts: {plan_type}, subject_dob,
// subject_unborn}.
CALL {
  WITH $family_id AS only WHERE only IS NOT NULL
  MATCH (:Family {id: only})<-[:MEMBER_OF]-(c:Child)-[:SUBJECT_OF]->(p:Plan) RETURN c, p
  UNION
  WITH $family_id AS only WHERE only IS NULL
  MATCH (c:Child)-[:SUBJECT_OF]->(p:Plan) RETURN c, p
}
WITH c, p
WHERE p.type IN ['CP', 'LAC'] AND (p.end IS NULL OR p.end >= $today)
  AND c.nhs_number IS NULL AND c.unborn IS NULL
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS child_id, null AS person_id, min(f.id) AS family_id, p.start AS since, {plan_type: p.type} AS facts,
       c.dob AS subject_dob, coalesce(c.unborn, false) AS subject_unborn
