// Counts afresh the open gaps of these families (FamilyGaps, see gap_state/count_moves).
// Each family's count is locked before its gaps are read, so that a check of the family
// running at the same time either waits and then moves the count made here, or was done
// before and is counted here.
// Parameters: $family_ids. Returns nothing.
UNWIND $family_ids AS family_id
WITH family_id ORDER BY family_id
MERGE (f:FamilyGaps {family_id: family_id})
SET f._lock = true
REMOVE f._lock
WITH f
CALL (f) {
  OPTIONAL MATCH (s:GapState {family_id: f.family_id})
  USING INDEX s:GapState(family_id)
  WHERE s.open_tally IS NOT NULL
  WITH split(s.open_tally, '|') AS tally
  WITH tally[1] AS severity, tally[2] = 'true' AS sensitive
  RETURN [sum(CASE severity WHEN 'high' THEN 1 ELSE 0 END),
          sum(CASE severity WHEN 'medium' THEN 1 ELSE 0 END),
          sum(CASE severity WHEN 'low' THEN 1 ELSE 0 END),
          sum(CASE WHEN severity = 'high' AND NOT sensitive THEN 1 ELSE 0 END),
          sum(CASE WHEN severity = 'medium' AND NOT sensitive THEN 1 ELSE 0 END),
          sum(CASE WHEN severity = 'low' AND NOT sensitive THEN 1 ELSE 0 END)] AS n
}
WITH f, n, [x IN n | right('00000' + toString(x), 6)] AS text
SET f.high = n[0], f.medium = n[1], f.low = n[2],
    f.high_plain = n[3], f.medium_plain = n[4], f.low_plain = n[5],
    f.rank = CASE WHEN n[0] + n[1] + n[2] > 0 THEN text[0] + '|' + text[1] + '|' + text[2] END,
    f.rank_plain = CASE WHEN n[3] + n[4] + n[5] > 0 THEN text[3] + '|' + text[4] + '|' + text[5]
                   END
