// Children on a plan open today whose review has no date (plans/dated lists those that
// have one, first), by name, with the filters of plans/dated but the due window (a plan
// with no date is in none): how many, and the page from $skip ($limit 0: none, and no
// sort of the many plans with no date). The two parts hold the same filters.
// Parameters: $today, $type, $agency_id, $skip, $limit. Returns one row {total, children}
// as plans/dated (due null).
CALL () {
  MATCH (p:Plan)
  WHERE p.next_review IS NULL AND (p.type <> 'CP' OR coalesce(p.icpc_date, p.start) IS NULL)
    AND (p.end IS NULL OR p.end >= $today) AND ($type IS NULL OR p.type = $type)
  MATCH (c:Child)-[:SUBJECT_OF]->(p)
  // An agency in the child's own team now: looked for only when one is asked for.
  WHERE $agency_id IS NULL OR EXISTS {
    MATCH (c)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(:Agency {id: $agency_id})
    WHERE i.`to` IS NULL OR i.`to` >= $today
  }
  RETURN count(*) AS total
}
CALL () {
  WITH 1 AS wanted WHERE $limit > 0
  MATCH (p:Plan)
  WHERE p.next_review IS NULL AND (p.type <> 'CP' OR coalesce(p.icpc_date, p.start) IS NULL)
    AND (p.end IS NULL OR p.end >= $today) AND ($type IS NULL OR p.type = $type)
  MATCH (c:Child)-[:SUBJECT_OF]->(p)
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
