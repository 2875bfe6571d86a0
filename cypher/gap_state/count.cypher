// How many open gaps about born children of one age band match the filters of
// gap_state/page (the same conditions): the counts of gap_state/counts answer every other
// filter. Reads the band's gaps alone, through the open_dob index.
// Parameters: as gap_state/page ($born_after and $born_on_or_before null where the band has
// no bound). Returns {total}.
MATCH (s:GapState)
WHERE s.open_dob > coalesce($born_after, date('0001-01-01'))
  AND s.open_dob <= coalesce($born_on_or_before, date('9999-12-31'))
  AND ($sees_sensitive OR NOT s.sensitive)
  AND ($reviewed IS NULL OR (s.review_status IS NOT NULL) = $reviewed)
  AND ($rule IS NULL OR s.rule = $rule)
  AND ($severity IS NULL OR s.severity = $severity)
  AND ($agency_type IS NULL OR s.agency_type = $agency_type)
RETURN count(s) AS total
