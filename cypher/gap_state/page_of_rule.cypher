// One page of open gaps of one rule, in the dashboard's order (severity, since, key), with
// the filters of gap_state/page (the same conditions): read from the rule_order index, from
// the first gap of $prefix ("rule|" and the severity's rank and "|" if one is
// asked for) up to the page's end: a rule whose gaps sort late is not found by walking
// every gap before them (at a million children, 75,000 gaps walked for a page of 50).
// Parameters and result as gap_state/page.
MATCH (s:GapState)
WHERE s.rule_order STARTS WITH $prefix
  AND ($sees_sensitive OR NOT s.sensitive)
  AND ($reviewed IS NULL OR (s.review_status IS NOT NULL) = $reviewed)
  AND ($rule IS NULL OR s.rule = $rule)
  AND ($severity IS NULL OR s.severity = $severity)
  AND ($agency_type IS NULL OR s.agency_type = $agency_type)
  AND ($age_band IS NULL OR s.age_band = $age_band)
WITH s ORDER BY s.rule_order SKIP $skip LIMIT $limit
RETURN collect([c IN $columns | s[c]]) AS gaps
