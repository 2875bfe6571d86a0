// Gap under5-no-health-visitor: a child under 5 (up to $max_age), or an unborn child on a
// plan, with no current health visitor. Severity: medium.
// Basis: the Healthy Child Programme: health visitors lead for children 0 to 5.
// Parameters: $family_id, $today, $max_age.
// Returns rows {child_id, person_id: null, family_id, since, facts: {dob, expected_date, unborn}, subject_dob,
// subject_unborn}.
// The child's own involvements, filtered as a list: an existence subquery over them may be
// planned as a scan of an involvement index (role, `to`) for every child while the
// statistics lag behind a large import (seen: 20 s for cp-no-social-worker, not 0.1 s).
CALL {
  WITH $family_id AS only WHERE only IS NOT NULL
  MATCH (:Family {id: only})<-[:MEMBER_OF]-(c:Child) RETURN c
  UNION
  WITH $family_id AS only WHERE only IS NULL
  MATCH (c:Child) RETURN c
}
WITH c
WHERE (c.dob IS NOT NULL AND c.dob > $today - duration({years: $max_age + 1}))
   OR (c.unborn AND EXISTS {
         MATCH (c)-[:SUBJECT_OF]->(p:Plan) WHERE p.end IS NULL OR p.end >= $today })
WITH c
WHERE none(i IN [(c)<-[j:INVOLVED_WITH]-(:Professional) | j]
           WHERE i.role = 'health_visitor' AND (i.`to` IS NULL OR i.`to` >= $today))
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS child_id, null AS person_id, min(f.id) AS family_id, coalesce(c.dob, $today) AS since,
       {dob: c.dob, expected_date: c.expected_date, unborn: coalesce(c.unborn, false)} AS facts,
       c.dob AS subject_dob, coalesce(c.unborn, false) AS subject_unborn
