// Children on a plan open today whose review has a date, the soonest first (on one day, by
// name), with the filters given (each null for any): the plan's type, an agency working
// with the child now, a review due from $due_from to $due_by (both always given: the
// earliest and latest dates for no bound). A plan's review is due on its next_review, or
// for a child protection plan with none yet, $first_review_months after the initial
// conference (as the cp-review-overdue gap says). Only those plans are read: the first
// through the next_review index, from $due_from to $due_by (at a million children, the
// 6,000 with a date, or in a four weeks' window a few hundred: counted, and read in the
// index's order up to the page's end), the others through the type index (child
// protection plans). The plans with no date follow them: plans/undated.
// Parameters: $today, $first_review_months, $type, $agency_id, $due_from, $due_by, $skip,
// $limit. Returns one row {total, children: [{child_id, given_name, family_name, dob,
// unborn, family_id, family, plan_id, type, category, start, due}]}.
// How many have a next_review: counted, their children's names not read, the child (one a
// plan, as the plans' tallies count them) reached only for an agency asked for (at a
// million children, going to each of the 6,000 children was half the count's work). (An
// end date is compared through coalesce: an OR would be planned as two index reads,
// without order.)
CALL () {
  MATCH (p:Plan)
  WHERE p.next_review >= $due_from AND p.next_review <= $due_by
    AND coalesce(p.end, $today) >= $today AND ($type IS NULL OR p.type = $type)
    // An agency in the child's own team now: looked for only when one is asked for.
    AND ($agency_id IS NULL OR EXISTS {
      MATCH (c:Child)-[:SUBJECT_OF]->(p),
            (c)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {id: $agency_id})
      WHERE i.`to` IS NULL OR i.`to` >= $today
    })
  RETURN count(*) AS with_date
}
// Of those, the first $skip + $limit in the index's order (with the rest of the last one's
// day: the names decide between them), not every one sorted.
CALL () {
  MATCH (p:Plan)
  WHERE p.next_review >= $due_from AND p.next_review <= $due_by
    AND coalesce(p.end, $today) >= $today AND ($type IS NULL OR p.type = $type)
  MATCH (c:Child)-[:SUBJECT_OF]->(p)
  WHERE $agency_id IS NULL OR EXISTS {
    MATCH (c)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {id: $agency_id})
    WHERE i.`to` IS NULL OR i.`to` >= $today
  }
  WITH c, p ORDER BY p.next_review, c.family_name, c.given_name, c.id, p.id
  LIMIT $skip + $limit
  RETURN collect([c, p, p.next_review]) AS first_dated
}
// The child protection plans due by their initial conference: every one (they are few).
CALL () {
  MATCH (p:Plan {type: 'CP'})
  WHERE p.next_review IS NULL AND coalesce(p.end, $today) >= $today
    AND ($type IS NULL OR $type = 'CP')
  WITH p, coalesce(p.icpc_date, p.start) + duration({months: $first_review_months}) AS due
  WHERE due >= $due_from AND due <= $due_by
  MATCH (c:Child)-[:SUBJECT_OF]->(p)
  WHERE $agency_id IS NULL OR EXISTS {
    MATCH (c)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {id: $agency_id})
    WHERE i.`to` IS NULL OR i.`to` >= $today
  }
  RETURN collect([c, p, due]) AS first_reviews
}
WITH with_date + size(first_reviews) AS total, first_dated + first_reviews AS candidates
// Ids only, in order; the page's details (the family above all) are read for its rows alone.
CALL (candidates) {
  UNWIND candidates AS row
  WITH row[0] AS c, row[1] AS p, row[2] AS due
  ORDER BY due, c.family_name, c.given_name, c.id, p.id
  RETURN collect([c.id, p.id, due]) AS found
}
WITH total, found[$skip..$skip + $limit] AS page
CALL (page) {
  UNWIND range(0, size(page) - 1) AS at
  MATCH (c:Child {id: page[at][0]})-[:SUBJECT_OF]->(p:Plan {id: page[at][1]})
  CALL (c) {
    OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
    RETURN f ORDER BY f.id LIMIT 1
  }
  WITH at, c, p, page[at][2] AS due, f ORDER BY at
  RETURN collect({child_id: c.id, given_name: c.given_name, family_name: c.family_name,
                  dob: c.dob, unborn: coalesce(c.unborn, false), family_id: f.id,
                  family: f.name, plan_id: p.id, type: p.type,
                  category: p.category, start: p.start, due: due}) AS children
}
RETURN total, children
