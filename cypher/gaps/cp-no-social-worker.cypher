// Gap cp-no-social-worker: a child on an active child protection plan with no current
// allocated social worker. Severity: high (configurable).
// Basis: statutory guidance (Working Together): a lead social worker is named at the
// initial child protection conference.
// Parameters: $family_id (null for the whole area), $today.
// Returns rows {child_id, person_id: null, family_id, since, facts: {plan_start, category}, subject_dob,
// subject_unborn}.
// The child's own involvements, filtered as a list: an existence subquery over them may be
// planned as a scan of an involvement index (role, `to`) for every child while the
// statistics lag behind a large import (seen: 20 s for cp-no-social-worker, not 0.1 s).
CALL {
  WITH $family_id AS only WHERE only IS NOT NULL
  MATCH (:Family {id: only})<-[:MEMBER_OF]-(c:Child)-[:SUBJECT_OF]->(p:Plan) RETURN c, p
  UNION
  WITH $family_id AS only WHERE only IS NULL
  MATCH (c:Child)-[:SUBJECT_OF]->(p:Plan) RETURN c, p
}
WITH c, p
WHERE p.type = 'CP' AND (p.end IS NULL OR p.end >= $today)
  AND none(i IN [(c)<-[j:INVOLVED_WITH]-(:Professional) | j]
           WHERE i.role = 'allocated_social_worker' AND (i.`to` IS NULL OR i.`to` >= $today))
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS child_id, null AS person_id, min(f.id) AS family_id, p.start AS since,
       {plan_start: p.start, category: p.category} AS facts,
       c.dob AS subject_dob, coalesce(c.unborn, false) AS subject_unborn
