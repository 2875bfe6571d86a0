// One page of open gaps about people of one age band (as of the gaps' last check), in the
// dashboard's order (severity, since, key), with the filters of gap_state/page (the same
// conditions): read from the band_order index, from the first gap of $prefix ("age band|"
// and the severity's rank and "|" if one is asked for) up to the page's end: at a million
// children, a band's first page no longer walks the other bands' gaps, nor counts its own.
// Parameters and result as gap_state/page.
MATCH (s:GapState)
WHERE s.band_order STARTS WITH $prefix
  AND ($sees_sensitive OR NOT s.sensitive)
  AND ($reviewed IS NULL OR (s.review_status IS NOT NULL) = $reviewed)
  AND ($rule IS NULL OR s.rule = $rule)
  AND ($severity IS NULL OR s.severity = $severity)
  AND ($agency_type IS NULL OR s.agency_type = $agency_type)
  AND ($age_band IS NULL OR s.age_band = $age_band)
WITH s ORDER BY s.band_order SKIP $skip LIMIT $limit
RETURN collect([c IN $columns | s[c]]) AS gaps
