// The families with the most severe open gaps (as last checked: GapState): most high, then
// medium, then low, of those this user may see. Parameters: $sees_sensitive, $limit.
// Returns rows {family_id, name, high, medium, low}.
MATCH (s:GapState)
WHERE s.open_order IS NOT NULL AND s.family_id IS NOT NULL
  AND ($sees_sensitive OR NOT s.sensitive)
WITH s.family_id AS family_id,
     sum(CASE s.severity WHEN 'high' THEN 1 ELSE 0 END) AS high,
     sum(CASE s.severity WHEN 'medium' THEN 1 ELSE 0 END) AS medium,
     sum(CASE s.severity WHEN 'low' THEN 1 ELSE 0 END) AS low
ORDER BY high DESC, medium DESC, low DESC, family_id
LIMIT $limit
MATCH (f:Family {id: family_id})
RETURN family_id, f.name AS name, high, medium, low
