// Gives the open gaps kept by an earlier version their place in the dashboard's order and
// counts (see gap_state/save): those without an open_order, or whose open_tally does not
// yet say whether they were followed up, or followed up with no reviewed_order. Touches
// only those: a no-op once done.
MATCH (s:GapState {open: true})
WHERE s.open_order IS NULL
   OR NOT (s.open_tally ENDS WITH '|reviewed' OR s.open_tally ENDS WITH '|to_follow')
   OR (s.review_status IS NOT NULL AND s.reviewed_order IS NULL)
SET s.open_order = toString(s.rank) + '|' + coalesce(toString(s.since), '9999-12-31') + '|' + s.key,
    s.open_tally = s.rule + '|' + s.severity + '|' + toString(s.sensitive) + '|' +
                   CASE WHEN s.review_status IS NULL THEN 'to_follow' ELSE 'reviewed' END
SET s.reviewed_order = CASE WHEN s.review_status IS NOT NULL THEN s.open_order END
