// How many open gaps match the filters of gap_state/page (the same conditions), for the
// filters the counts by rule and severity cannot answer (agency, age band).
// Returns {total}.
MATCH (s:GapState)
WHERE s.open_order IS NOT NULL
  AND ($sees_sensitive OR NOT s.sensitive)
  AND ($reviewed IS NULL OR (s.review_status IS NOT NULL) = $reviewed)
  AND ($rule IS NULL OR s.rule = $rule)
  AND ($severity IS NULL OR s.severity = $severity)
  AND ($agency_type IS NULL OR s.agency_type = $agency_type)
  AND ($subject_kind IS NULL OR s.subject_kind = $subject_kind)
  AND ($unborn IS NULL OR coalesce(s.subject_unborn, false) = $unborn)
  AND ($born_after IS NULL OR s.subject_dob > $born_after)
  AND ($born_on_or_before IS NULL OR s.subject_dob <= $born_on_or_before)
RETURN count(s) AS total
