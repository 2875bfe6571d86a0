// Gives the open gaps kept before `open_order` and `open_tally` existed their place in the
// dashboard's order and counts (see gap_state/save). Touches only those without: a no-op
// once done.
MATCH (s:GapState {open: true}) WHERE s.open_order IS NULL
SET s.open_order = toString(s.rank) + '|' + coalesce(toString(s.since), '9999-12-31') + '|' + s.key,
    s.open_tally = s.rule + '|' + s.severity + '|' + toString(s.sensitive)
