// Gives the open gaps kept by an earlier version their place in the dashboard's order and
// counts (see gap_state/save): those without an open_order, or whose open_tally is not
// yet of six parts (the last saying whether they were followed up), or followed up with no
// reviewed_order. Touches only those: a no-op once done.
MATCH (s:GapState {open: true})
WHERE s.open_order IS NULL OR s.rule_order IS NULL
   OR size(split(coalesce(s.open_tally, ''), '|')) <> 6
   OR (s.review_status IS NOT NULL AND s.reviewed_order IS NULL)
SET s.open_order = toString(s.rank) + '|' + coalesce(toString(s.since), '9999-12-31') + '|' + s.key,
    s.open_tally = s.rule + '|' + s.severity + '|' + toString(s.sensitive) + '|' +
                   coalesce(s.agency_type, '') + '|' +
                   CASE WHEN s.subject_unborn THEN 'unborn' ELSE coalesce(s.subject_kind, '') END +
                   CASE WHEN s.review_status IS NULL THEN '|to_follow' ELSE '|reviewed' END,
    s.open_dob = CASE WHEN s.subject_kind = 'child' AND NOT coalesce(s.subject_unborn, false)
                      THEN s.subject_dob END
SET s.reviewed_order = CASE WHEN s.review_status IS NOT NULL THEN s.open_order END,
    s.rule_order = s.rule + '|' + s.open_order,
    s.agency_order = coalesce(s.agency_type, '') + '|' + s.open_order
