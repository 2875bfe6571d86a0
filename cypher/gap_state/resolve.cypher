// Marks as resolved the open gaps that were not found again: across the area (no
// $family_ids), or only those of the families just checked, found through their family's
// index (at a million children, seeking the open gaps first read 236,000 to resolve a few:
// 0.2 s a team change); their tallies' counts (see gap_state/save) go down by as many.
// Parameters: $keys (every gap found now), $family_ids (a list, or null for the whole area).
// Returns {resolved}.
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
WITH s, s.open_tally AS was
SET s.resolved_at = datetime(), s.open = false, s.open_order = null, s.rule_order = null,
    s.agency_order = null, s.band_order = null, s.open_tally = null, s.reviewed_order = null
WITH collect(was) AS gone, count(s) AS resolved
CALL (gone) {
  UNWIND gone AS key
  WITH key, count(*) AS fewer ORDER BY key
  MATCH (t:GapTally {key: key})
  SET t.gaps = t.gaps - fewer
}
RETURN resolved
