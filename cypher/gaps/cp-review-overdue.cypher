// Gap cp-review-overdue: an active child protection plan whose review date has passed (or,
// with no review date, whose first review is overdue: $first_review_months after the
// initial conference). Severity: high.
// Basis: first review within 3 months of the initial conference, then every 6 months.
// Parameters: $family_id, $today, $first_review_months.
// Returns rows {child_id, person_id: null, family_id, since, facts: {due, plan_start}, subject_dob,
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
WITH c, p, coalesce(p.next_review,
                    coalesce(p.icpc_date, p.start) + duration({months: $first_review_months})) AS due
WHERE due < $today
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS child_id, null AS person_id, min(f.id) AS family_id, due AS since,
       {due: due, plan_start: p.start} AS facts,
       c.dob AS subject_dob, coalesce(c.unborn, false) AS subject_unborn
