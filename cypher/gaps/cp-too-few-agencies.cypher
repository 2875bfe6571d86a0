// Gap cp-too-few-agencies: a child on an active child protection plan with fewer than
// $min_agencies agencies currently involved. Severity: high.
// Basis: a child protection conference is normally quorate with three agencies.
// Parameters: $family_id, $today, $min_agencies.
// Returns rows {child_id, person_id: null, family_id, since, facts: {agencies, plan_start}, subject_dob,
// subject_unborn}.
CALL {
  WITH $family_id AS only WHERE only IS NOT NULL
  MATCH (:Family {id: only})<-[:MEMBER_OF]-(c:Child)-[:SUBJECT_OF]->(p:Plan) RETURN c, p
  UNION
  WITH $family_id AS only WHERE only IS NULL
  MATCH (c:Child)-[:SUBJECT_OF]->(p:Plan) RETURN c, p
}
WITH c, p
WHERE p.type = 'CP' AND (p.end IS NULL OR p.end >= $today)
WITH c, p, COUNT {
  MATCH (a:Agency)<-[:WORKS_FOR]-(:Professional)-[i:INVOLVED_WITH]->(c)
  WHERE i.`to` IS NULL OR i.`to` >= $today
  RETURN DISTINCT a
} AS agencies
WHERE agencies < $min_agencies
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS child_id, null AS person_id, min(f.id) AS family_id, p.start AS since,
       {agencies: agencies, plan_start: p.start} AS facts,
       c.dob AS subject_dob, coalesce(c.unborn, false) AS subject_unborn
