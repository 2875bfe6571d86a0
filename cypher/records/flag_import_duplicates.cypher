// An import's possible duplicates (same name and date of birth), kept for the coordinators'
// list. Parameters: $pairs: [{a, b}] (a before b). Returns {flagged}.
UNWIND $pairs AS pair
MERGE (d:DuplicatePair {key: pair.a + '|' + pair.b})
  ON CREATE SET d.a = pair.a, d.b = pair.b, d.found_at = datetime(), d.reasons = []
SET d.from_import = true,
    d.reasons = CASE WHEN 'import' IN d.reasons THEN d.reasons ELSE d.reasons + ['import'] END
RETURN count(d) AS flagged
