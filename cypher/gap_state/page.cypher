// One page of open gaps, most severe first, then oldest, with the filters given (each
// null for any): reviewed ($reviewed true), still to follow up (false) or both (null).
// Read in the open_order index's order (only open gaps have one) up to the page's end,
// from the first gap of $prefix (the severity's rank and '|', or '' for any): no sort, and
// a first page reads about as many gaps as it shows. A page filtered by rule or agency is
// read from its own order instead: gap_state/page_of_rule, page_of_agency, page_of_band.
// Filters (each null for any): $sees_sensitive, $reviewed, $rule, $severity,
// $agency_type, $age_band (as of the gap's last check). Also $skip, $limit,
// $columns (the properties wanted: each gap comes back as a list of their values).
// Returns one row {gaps}: the page in order (one record: a whole area's CSV is read as one).
MATCH (s:GapState)
WHERE s.open_order STARTS WITH $prefix
  AND ($sees_sensitive OR NOT s.sensitive)
  AND ($reviewed IS NULL OR (s.review_status IS NOT NULL) = $reviewed)
  AND ($rule IS NULL OR s.rule = $rule)
  AND ($severity IS NULL OR s.severity = $severity)
  AND ($agency_type IS NULL OR s.agency_type = $agency_type)
  AND ($age_band IS NULL OR s.age_band = $age_band)
WITH s ORDER BY s.open_order SKIP $skip LIMIT $limit
RETURN collect([c IN $columns | s[c]]) AS gaps
