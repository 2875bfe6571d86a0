// Flags possible duplicates outside a whole-area scan: an import's borderline matches, or a
// person just recorded by hand. Reasons are added to a pair already flagged.
// Parameters: $pairs: [{a, b, reasons}] (a before b), $from_import. Returns {flagged}.
UNWIND $pairs AS pair
MERGE (d:DuplicatePair {key: pair.a + '|' + pair.b})
  ON CREATE SET d.a = pair.a, d.b = pair.b, d.found_at = datetime(), d.reasons = []
SET d.reasons = d.reasons + [r IN pair.reasons WHERE NOT r IN d.reasons],
    d.from_import = coalesce(d.from_import, false) OR $from_import
RETURN count(d) AS flagged
