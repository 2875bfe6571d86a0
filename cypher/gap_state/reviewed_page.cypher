// One page of the open gaps already followed up, in the dashboard's order, with the filters
// of gap_state/page (the same conditions): read from the reviewed_order index, which only
// open gaps followed up carry, so that the page does not read every open gap to find the
// few followed up. Parameters and result as gap_state/page ($reviewed is true here).
MATCH (s:GapState)
WHERE s.reviewed_order IS NOT NULL
  AND ($sees_sensitive OR NOT s.sensitive)
  AND ($reviewed IS NULL OR (s.review_status IS NOT NULL) = $reviewed)
  AND ($rule IS NULL OR s.rule = $rule)
  AND ($severity IS NULL OR s.severity = $severity)
  AND ($agency_type IS NULL OR s.agency_type = $agency_type)
  AND ($age_band IS NULL OR s.age_band = $age_band)
WITH s ORDER BY s.reviewed_order SKIP $skip LIMIT $limit
RETURN collect([c IN $columns | s[c]]) AS gaps
