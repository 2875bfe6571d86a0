// Moves the kept counts of open gaps by what a save or a resolve changed (gap_state/save,
// gap_state/resolve), in the same transaction: so that the dashboard's counts and totals
// read a few hundred counts (GapTally, one per tally: rule|severity|sensitive|agency
// type|age band|followed up or not), and the coordinator's home reads the families with
// the most severe gaps from an index (FamilyGaps, one per family with open gaps: how many
// high, medium and low, all of them and those that are not sensitive), instead of counting
// the open gaps of the whole area. Each kind is summed, then applied in the order of its
// keys (so that two checks at once take the counts' locks in the same order).
// A family's `rank` and `rank_plain` (its counts written as high|medium|low, six digits
// each; null with none: a family left with no open gap keeps its node, at zero) are what
// the index is read from the top by: `rank` counts every open gap (for those who see
// sensitive services), `rank_plain` only the gaps that are not sensitive.
// Parameters: $moves, a list of [family_id, tally, -1 or 1]. Returns nothing.
CALL () {
  UNWIND $moves AS move
  WITH move[1] AS key, sum(move[2]) AS delta
  WHERE delta <> 0
  WITH key, delta ORDER BY key
  MERGE (t:GapTally {key: key})
  ON CREATE SET t.gaps = 0
  SET t.gaps = t.gaps + delta
}
CALL () {
  UNWIND $moves AS move
  WITH move WHERE move[0] IS NOT NULL
  WITH move[0] AS family_id, split(move[1], '|') AS tally, move[2] AS delta
  WITH family_id, tally[1] AS severity, tally[2] = 'true' AS sensitive, sum(delta) AS delta
  WHERE delta <> 0
  WITH family_id, collect([severity, sensitive, delta]) AS deltas ORDER BY family_id
  MERGE (f:FamilyGaps {family_id: family_id})
  ON CREATE SET f.high = 0, f.medium = 0, f.low = 0,
                f.high_plain = 0, f.medium_plain = 0, f.low_plain = 0
  WITH f, [severity IN ['high', 'medium', 'low'] |
           [reduce(n = 0, d IN deltas | n + CASE WHEN d[0] = severity THEN d[2] ELSE 0 END),
            reduce(n = 0, d IN deltas | n + CASE WHEN d[0] = severity AND NOT d[1]
                                                 THEN d[2] ELSE 0 END)]] AS by
  SET f.high = f.high + by[0][0], f.medium = f.medium + by[1][0], f.low = f.low + by[2][0],
      f.high_plain = f.high_plain + by[0][1], f.medium_plain = f.medium_plain + by[1][1],
      f.low_plain = f.low_plain + by[2][1]
  WITH f, [n IN [f.high, f.medium, f.low] | right('00000' + toString(n), 6)] AS every,
       [n IN [f.high_plain, f.medium_plain, f.low_plain] | right('00000' + toString(n), 6)]
       AS plain
  SET f.rank = CASE WHEN f.high + f.medium + f.low > 0 THEN
                 every[0] + '|' + every[1] + '|' + every[2] END,
      f.rank_plain = CASE WHEN f.high_plain + f.medium_plain + f.low_plain > 0 THEN
                       plain[0] + '|' + plain[1] + '|' + plain[2] END
}
