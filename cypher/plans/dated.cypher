// Children on a plan open today whose review has a date, the soonest first (on one day, by
// name), with the filters given (each null for any): the plan's type, an agency working
// with the child now, a review due from $due_from to $due_by (both always given: the
// earliest and latest dates for no bound). A plan's review is due on its next_review, or
// for a child protection plan with none yet, $first_review_months after the initial
// conference (or start: kept as `first_review_from`, plans/count_plans), as the
// cp-review-overdue gap says. Each kind is read through its own index, in due order, up to
// the page's end (at a million children, 6,000 plans have a next_review and 4,000 are due
// by their first review: in a four weeks' window, a few hundred). How many: with no agency
// and no window ($tallied), from the counts kept (PlanTally.dated) and the plans ending
// later (the end date's index); otherwise counted in the same index ranges.
// Parameters: $today, $first_review_months, $type, $agency_id, $due_from, $due_by,
// $tallied, $skip, $limit. Returns one row {total, children: [{child_id, given_name,
// family_name, dob, unborn, family_id, family, plan_id, type, category, start, due}]}.
// The dates a first review is counted from, for one due in the window: a week wider each
// side than the window moved back by the months (a month added to the 29th to the 31st
// may end on the same day: dates up to three days apart may share a due date), then each
// due date compared.
WITH $due_from - duration({months: $first_review_months, days: 7}) AS first_from,
     $due_by - duration({months: $first_review_months}) + duration({days: 7}) AS first_by,
     duration({months: $first_review_months}) AS first_after
// Each way of counting is skipped (and gives 0) where the other is the one to use.
CALL () {
  WITH 1 AS tallied WHERE $tallied
  OPTIONAL MATCH (t:PlanTally)
  WHERE $type IS NULL OR t.type = $type
  RETURN coalesce(sum(t.dated), 0) AS without_end
}
CALL () {
  OPTIONAL MATCH (p:Plan)
  WHERE $tallied AND p.end >= $today AND ($type IS NULL OR p.type = $type)
    AND (p.next_review IS NOT NULL OR p.first_review_from IS NOT NULL)
  RETURN count(p) AS ending
}
// Otherwise: how many have a next_review in the window, their children's names not read, the
// child (one a plan, as the plans' tallies count them) reached only for an agency asked
// for. (An end date is compared through coalesce: an OR would be planned as two index
// reads, without order.)
CALL () {
  WITH 1 AS counted WHERE NOT $tallied
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
CALL (first_from, first_by, first_after) {
  WITH 1 AS counted WHERE NOT $tallied
  MATCH (p:Plan)
  WHERE p.first_review_from >= first_from AND p.first_review_from <= first_by
    AND coalesce(p.end, $today) >= $today AND ($type IS NULL OR p.type = $type)
    AND p.first_review_from + first_after >= $due_from
    AND p.first_review_from + first_after <= $due_by
    AND ($agency_id IS NULL OR EXISTS {
      MATCH (c:Child)-[:SUBJECT_OF]->(p),
            (c)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {id: $agency_id})
      WHERE i.`to` IS NULL OR i.`to` >= $today
    })
  RETURN count(*) AS first_due
}
// Of those with a next_review, the first $skip + $limit in the index's order (with the
// rest of the last one's day: the names decide between them), not every one sorted.
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
// Of those due by their first review, the first $skip + $limit in the index's order tell
// the latest date the page may reach (the last one's, three days on: a due date it shares);
// all up to that date are read, their due dates sorted with the names.
CALL (first_from, first_by, first_after) {
  MATCH (p:Plan)
  WHERE p.first_review_from >= first_from AND p.first_review_from <= first_by
    AND coalesce(p.end, $today) >= $today AND ($type IS NULL OR p.type = $type)
    AND p.first_review_from + first_after >= $due_from
    AND p.first_review_from + first_after <= $due_by
  MATCH (c:Child)-[:SUBJECT_OF]->(p)
  WHERE $agency_id IS NULL OR EXISTS {
    MATCH (c)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {id: $agency_id})
    WHERE i.`to` IS NULL OR i.`to` >= $today
  }
  WITH p ORDER BY p.first_review_from LIMIT $skip + $limit
  RETURN max(p.first_review_from) + duration({days: 3}) AS first_reach
}
CALL (first_from, first_by, first_after, first_reach) {
  MATCH (p:Plan)
  WHERE p.first_review_from >= first_from AND p.first_review_from <= first_by
    AND p.first_review_from <= first_reach
    AND coalesce(p.end, $today) >= $today AND ($type IS NULL OR p.type = $type)
  WITH p, p.first_review_from + first_after AS due
  WHERE due >= $due_from AND due <= $due_by
  MATCH (c:Child)-[:SUBJECT_OF]->(p)
  WHERE $agency_id IS NULL OR EXISTS {
    MATCH (c)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {id: $agency_id})
    WHERE i.`to` IS NULL OR i.`to` >= $today
  }
  RETURN collect([c, p, due]) AS first_reviews
}
WITH without_end + ending + with_date + first_due AS total,
     first_dated + first_reviews AS candidates
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
