// Children on a plan open today whose review has no date (plans/dated lists those that
// have one, first), by name, with the filters of plans/dated but the due window (a plan
// with no date is in none): how many, and the page from $skip ($limit 0: none, and no
// sort of the many plans with no date). Such a plan carries its type as `undated_type`
// (plans/count_plans, which also keeps how many there are of each type with no end date:
// PlanTally), so that without an agency to filter by, how many is read from those counts
// and from the end date's index (plans ending today or later), not from every plan; with
// one, the plans are read and the agency looked for in each child's team.
// Parameters: $today, $type, $agency_id, $skip, $limit. Returns one row {total, children}
// as plans/dated (due null).
// Each way of counting is skipped (and gives 0) where the other is the one to use.
CALL () {
  OPTIONAL MATCH (t:PlanTally)
  WHERE $agency_id IS NULL AND ($type IS NULL OR t.type = $type)
  RETURN coalesce(sum(t.plans), 0) AS without_end
}
CALL () {
  OPTIONAL MATCH (p:Plan)
  WHERE $agency_id IS NULL AND p.end >= $today AND p.undated_type IS NOT NULL
    AND ($type IS NULL OR p.undated_type = $type)
  RETURN count(p) AS ending
}
CALL () {
  WITH 1 AS read WHERE $agency_id IS NOT NULL
  MATCH (p:Plan)
  WHERE p.undated_type IS NOT NULL AND coalesce(p.end, $today) >= $today
    AND ($type IS NULL OR p.undated_type = $type)
  MATCH (c:Child)-[:SUBJECT_OF]->(p)
  WHERE EXISTS {
    MATCH (c)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {id: $agency_id})
    WHERE i.`to` IS NULL OR i.`to` >= $today
  }
  RETURN count(*) AS with_agency
}
WITH without_end + ending + with_agency AS total
CALL () {
  WITH 1 AS wanted WHERE $limit > 0
  MATCH (p:Plan)
  WHERE p.undated_type IS NOT NULL AND coalesce(p.end, $today) >= $today
    AND ($type IS NULL OR p.undated_type = $type)
  MATCH (c:Child)-[:SUBJECT_OF]->(p)
  // An agency in the child's own team now: looked for only when one is asked for.
  WHERE $agency_id IS NULL OR EXISTS {
    MATCH (c)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {id: $agency_id})
    WHERE i.`to` IS NULL OR i.`to` >= $today
  }
  WITH c, p ORDER BY c.family_name, c.given_name, c.id, p.id SKIP $skip LIMIT $limit
  CALL (c) {
    OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
    RETURN f ORDER BY f.id LIMIT 1
  }
  RETURN collect({child_id: c.id, given_name: c.given_name, family_name: c.family_name,
                  dob: c.dob, unborn: coalesce(c.unborn, false), family_id: f.id,
                  family: f.name, plan_id: p.id, type: p.type,
                  category: p.category, start: p.start, due: null}) AS children
}
RETURN total, children
