// Families in name order (then id), a page at a time, with the filters given (each null for
// any): a child on a plan open today ($plan_type: a type, or 'any'), an agency working now
// with someone in the family ($agency_id), an open gap, as last checked, of $max_rank or
// more severe (0 high, 1 medium, 2 low; of those this user may see: $sees_sensitive).
// Read in the family_name_id index's order up to the page's end (no sort of every family,
// nor of the families of one name): a first page reads as many families as it shows when
// nothing is filtered.
// Parameters: $today, $plan_type, $agency_id, $max_rank, $sees_sensitive, $skip, $limit.
// Returns rows {family_id, name, children, plans (open plans' types), next_review (the
// soonest due, null if none recorded), high, medium, low (open gaps this user may see)}.
MATCH (f:Family)
WHERE f.name >= '' AND f.id IS NOT NULL
WITH f ORDER BY f.name, f.id
WHERE ($plan_type IS NULL OR any(type IN
        [(f)<-[:MEMBER_OF]-(:Child)-[:SUBJECT_OF]->(p:Plan)
         WHERE p.end IS NULL OR p.end >= $today | p.type]
        WHERE $plan_type = 'any' OR type = $plan_type))
  // The family's people's teams, as lists (see cypher/gaps/cp-no-social-worker).
  AND ($agency_id IS NULL OR $agency_id IN
       [(f)<-[:MEMBER_OF]-(:Person)<-[i:INVOLVED_WITH]-(:Professional)-[:WORKS_FOR]->(a:Agency)
        WHERE i.`to` IS NULL OR i.`to` >= $today | a.id])
  AND ($max_rank IS NULL OR EXISTS {
        MATCH (s:GapState {family_id: f.id})
        WHERE s.open_order IS NOT NULL AND s.rank <= $max_rank
          AND ($sees_sensitive OR NOT s.sensitive) })
WITH f SKIP $skip LIMIT $limit
CALL (f) {
  OPTIONAL MATCH (f)<-[:MEMBER_OF]-(c:Child)
  OPTIONAL MATCH (c)-[:SUBJECT_OF]->(p:Plan) WHERE p.end IS NULL OR p.end >= $today
  RETURN count(DISTINCT c) AS children, collect(DISTINCT p.type) AS plans,
         min(p.next_review) AS next_review
}
CALL (f) {
  OPTIONAL MATCH (s:GapState {family_id: f.id})
  WHERE s.open_order IS NOT NULL AND ($sees_sensitive OR NOT s.sensitive)
  RETURN sum(CASE s.severity WHEN 'high' THEN 1 ELSE 0 END) AS high,
         sum(CASE s.severity WHEN 'medium' THEN 1 ELSE 0 END) AS medium,
         sum(CASE s.severity WHEN 'low' THEN 1 ELSE 0 END) AS low
}
RETURN f.id AS family_id, f.name AS name, children, plans, next_review, high, medium, low
