// The families with the most severe open gaps (as last checked: GapState): most high, then
// medium, then low, of those this user may see. Where at least $limit families have a high
// gap, only the high gaps are counted through the order's index (those whose order starts
// with the high rank, 0), and the medium and low gaps are counted for the families that can
// make the list alone (as many high gaps as the $limit-th family, or more): at a million
// children, 70,000 gaps read instead of 236,000. Otherwise (a small area) every open gap.
// Parameters: $sees_sensitive, $limit. Returns rows {family_id, name, high, medium, low}.
CALL () {
  MATCH (s:GapState)
  WHERE s.open_order STARTS WITH '0|' AND s.family_id IS NOT NULL
    AND ($sees_sensitive OR NOT s.sensitive)
  WITH s.family_id AS family_id, count(*) AS high ORDER BY high DESC
  RETURN collect({family_id: family_id, high: high}) AS ranked
}
CALL (ranked) {
  WITH ranked WHERE size(ranked) >= $limit
  UNWIND [r IN ranked WHERE r.high >= ranked[$limit - 1].high] AS r
  MATCH (s:GapState {family_id: r.family_id})
  WHERE s.open_order IS NOT NULL AND ($sees_sensitive OR NOT s.sensitive)
  RETURN r.family_id AS family_id, r.high AS high,
         sum(CASE s.severity WHEN 'medium' THEN 1 ELSE 0 END) AS medium,
         sum(CASE s.severity WHEN 'low' THEN 1 ELSE 0 END) AS low
  UNION
  WITH ranked WHERE size(ranked) < $limit
  MATCH (s:GapState)
  WHERE s.open_order IS NOT NULL AND s.family_id IS NOT NULL
    AND ($sees_sensitive OR NOT s.sensitive)
  RETURN s.family_id AS family_id,
         sum(CASE s.severity WHEN 'high' THEN 1 ELSE 0 END) AS high,
         sum(CASE s.severity WHEN 'medium' THEN 1 ELSE 0 END) AS medium,
         sum(CASE s.severity WHEN 'low' THEN 1 ELSE 0 END) AS low
}
WITH family_id, high, medium, low
ORDER BY high DESC, medium DESC, low DESC, family_id
LIMIT $limit
MATCH (f:Family {id: family_id})
RETURN family_id, f.name AS name, high, medium, low
