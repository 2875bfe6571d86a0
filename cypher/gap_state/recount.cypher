// Counts the open gaps of each tally afresh (GapTally, see gap_state/count_moves): when the
// schema is applied (an older version kept no counts) and after each check of the whole
// area, so that a count could never stay wrong past a night. Every count is locked first, so that a
// check of a family running at the same time waits, then adds its own change to the counts
// made here (or, if it got there first, is counted here).
// Parameters: none. Returns nothing.
OPTIONAL MATCH (t:GapTally)
SET t._lock = true
REMOVE t._lock
WITH count(t) AS locked
CALL () {
  MATCH (t:GapTally)
  WHERE NOT COUNT { (s:GapState {open_tally: t.key}) } > 0
  SET t.gaps = 0
}
MATCH (s:GapState)
WHERE s.open_tally IS NOT NULL
WITH s.open_tally AS key, count(*) AS gaps ORDER BY key
MERGE (t:GapTally {key: key})
SET t.gaps = gaps
