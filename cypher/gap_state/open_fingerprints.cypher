// The fingerprints of the open gaps (see gap_state/save): a gap found again with the same
// fingerprint needs no write. $keys: the gaps found now by a check of some families, or
// null for a check of the whole area, which reads every open gap through its index (one
// pass: a million children's 236,000 keys sought one by one took four times as long).
// In one row, as a list: a row each cost the driver a message each (10 s for those 236,000
// rows, against 1 s). Returns one row {open: a list of [key, fingerprint]}.
CALL () {
  WITH $keys AS keys WHERE keys IS NOT NULL
  UNWIND keys AS key
  MATCH (s:GapState {key: key})
  WHERE s.open
  RETURN s
  UNION
  WITH $keys AS keys WHERE keys IS NULL
  MATCH (s:GapState {open: true})
  RETURN s
}
RETURN collect([s.key, s.fingerprint]) AS open
