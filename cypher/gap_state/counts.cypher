// Open gaps by rule, severity, sensitivity, agency type, subject and follow-up: the counts
// kept by tally (GapTally, see gap_state/count_moves), a few hundred at most: no gap is read.
// Parameters: none. Returns rows {tally, gaps}.
MATCH (t:GapTally)
WHERE t.gaps > 0
RETURN t.key AS tally, t.gaps AS gaps
