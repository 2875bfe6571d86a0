// Marks as resolved the open gaps that were not found again: across the area (no
// $family_ids), or only those of the families just checked, found through their family's
// index (at a million children, seeking the open gaps first read 236,000 to resolve a few:
// 0.2 s a team change). Parameters: $keys (every gap found now), $family_ids (a list, or
// null for the whole area). Returns one row {resolved, moves}: moves as gap_state/save's,
// for gap_state/count_moves (one less for each resolved gap's tally and family).
CALL () {
  WITH $family_ids AS only WHERE only IS NOT NULL
  UNWIND only AS family_id
  MATCH (s:GapState {family_id: family_id})
  WHERE s.open
  RETURN s
  UNION
  WITH $family_ids AS only WHERE only IS NULL
  MATCH (s:GapState {open: true})
  RETURN s
}
WITH s WHERE NOT s.key IN $keys
WITH s, s.open_tally AS was, s.family_id AS family_id
SET s.resolved_at = datetime(), s.open = false, s.open_order = null, s.rule_order = null,
    s.agency_order = null, s.band_order = null, s.open_tally = null, s.reviewed_order = null
RETURN count(s) AS resolved, collect([family_id, was, -1]) AS moves
