// Marks as resolved the open gaps that were not found again: across the area (no
// $family_ids), or only those of the families just checked; their tallies' counts (see
// gap_state/save) go down by as many.
// Parameters: $keys (every gap found now), $family_ids (a list, or null for the whole area).
// Returns {resolved}.
MATCH (s:GapState {open: true})
WHERE NOT s.key IN $keys AND ($family_ids IS NULL OR s.family_id IN $family_ids)
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
