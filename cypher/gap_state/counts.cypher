// Open gaps by rule, severity, sensitivity, agency type, subject and follow-up. Counted from
// the open_tally index alone (its six parts, kept on open gaps only: see gap_state/save):
// no gap is read.
// Parameters: none. Returns rows {tally, gaps}.
MATCH (s:GapState)
WHERE s.open_tally IS NOT NULL
RETURN s.open_tally AS tally, count(*) AS gaps
