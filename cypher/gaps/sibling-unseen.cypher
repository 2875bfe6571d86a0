// Gap sibling-unseen: a child in the same family or household as a child on an active
// child protection plan, with no current professional involvement at all.
// Severity: high. Basis: all children in the household are considered at conference.
// Parameters: $family_id, $today.
// Returns rows {child_id, person_id: null, family_id, since, facts: {sibling_on_plan}, subject_dob,
// subject_unborn}.
// The child's own involvements, filtered as a list: an existence subquery over them may be
// planned as a scan of an involvement index (role, `to`) for every child while the
// statistics lag behind a large import (seen: 20 s for cp-no-social-worker, not 0.1 s).
CALL {
  WITH $family_id AS only WHERE only IS NOT NULL
  MATCH (:Family {id: only})<-[:MEMBER_OF]-(cp:Child)-[:SUBJECT_OF]->(p:Plan) RETURN cp, p
  UNION
  WITH $family_id AS only WHERE only IS NULL
  MATCH (cp:Child)-[:SUBJECT_OF]->(p:Plan) RETURN cp, p
}
WITH cp, p
WHERE p.type = 'CP' AND (p.end IS NULL OR p.end >= $today)
CALL (cp) {
  MATCH (cp)-[:MEMBER_OF]->(:Family)<-[:MEMBER_OF]-(s:Child) RETURN s
  UNION
  MATCH (cp)-[l1:LIVES_AT]->(:Household)<-[l2:LIVES_AT]-(s:Child)
  WHERE l1.`to` IS NULL AND l2.`to` IS NULL RETURN s
}
WITH s, cp, p WHERE s <> cp
  AND none(i IN [(s)<-[j:INVOLVED_WITH]-(:Professional) | j]
           WHERE i.`to` IS NULL OR i.`to` >= $today)
OPTIONAL MATCH (s)-[:MEMBER_OF]->(f:Family)
RETURN s.id AS child_id, null AS person_id, min(f.id) AS family_id, min(p.start) AS since,
       {sibling_on_plan: min(cp.id)} AS facts,
       s.dob AS subject_dob, coalesce(s.unborn, false) AS subject_unborn
