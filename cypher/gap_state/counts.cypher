// Open gaps by rule, severity, sensitivity and follow-up. Counted from the open_tally index
// alone ("rule|severity|sensitive|reviewed or to_follow", kept on open gaps only: see
// save): no gap is read.
// Parameters: none. Returns rows {tally, gaps}.
MATCH (s:GapState)
WHERE s.open_tally IS NOT NULL
RETURN s.open_tally AS tally, count(*) AS gaps
