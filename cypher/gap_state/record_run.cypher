// Notes a check of the whole area. Parameters: $gaps (how many were found).
// Returns nothing.
MERGE (r:GapRun {id: 'area'})
SET r.at = datetime(), r.gaps = $gaps
