// Children on a plan open today, the soonest review first (those with no date known last),
// with the filters given (each null for any): the plan's type, an agency working with the
// child now, a review due from $due_from and/or by $due_by.
// A plan's review is due on its next_review, or for a child protection plan with none yet,
// $first_review_months after the initial conference (as the cp-review-overdue gap says).
// Parameters: $today, $first_review_months, $type, $agency_id, $due_from, $due_by, $skip,
// $limit. Returns one row {total, children: [{child_id, given_name, family_name, dob,
// unborn, family_id, family, plan_id, type, category, start, due}]}.
MATCH (c:Child)-[:SUBJECT_OF]->(p:Plan)
WHERE (p.end IS NULL OR p.end >= $today) AND ($type IS NULL OR p.type = $type)
  // The child's own team, filtered as a list (see cypher/gaps/cp-no-social-worker).
  AND ($agency_id IS NULL OR $agency_id IN
       [(c)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(a:Agency)
        WHERE i.`to` IS NULL OR i.`to` >= $today | a.id])
WITH c, p, coalesce(p.next_review,
                    CASE WHEN p.type = 'CP'
                         THEN coalesce(p.icpc_date, p.start) + duration({months: $first_review_months})
                    END) AS due
WHERE ($due_from IS NULL OR due >= $due_from) AND ($due_by IS NULL OR due <= $due_by)
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
WITH c, p, due, f ORDER BY f.id
WITH c, p, due, head(collect(f)) AS f
ORDER BY due, c.family_name, c.given_name, c.id, p.id
WITH collect({child_id: c.id, given_name: c.given_name, family_name: c.family_name,
              dob: c.dob, unborn: coalesce(c.unborn, false), family_id: f.id,
              family: f.name, plan_id: p.id, type: p.type,
              category: p.category, start: p.start, due: due}) AS found
RETURN size(found) AS total, found[$skip..$skip + $limit] AS children
