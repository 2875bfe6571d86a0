// The fingerprints of those of $keys that are open gaps now (see gap_state/save): a gap
// found again with the same fingerprint needs no write. Returns rows {key, fingerprint}.
UNWIND $keys AS key
MATCH (s:GapState {key: key})
WHERE s.open_order IS NOT NULL
RETURN s.key AS key, s.fingerprint AS fingerprint
