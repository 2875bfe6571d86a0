// After a scan: pairs it no longer found go (merged, corrected, or said to be two people),
// except those an import flagged, which keep only that reason until a person decides.
// Parameters: $scan_id. Returns {dropped}.
MATCH (d:DuplicatePair)
WHERE coalesce(d.scan_id, '') <> $scan_id
WITH d, coalesce(d.from_import, false) AS flagged_by_import
FOREACH (_ IN CASE WHEN flagged_by_import THEN [1] ELSE [] END | SET d.reasons = ['import'])
WITH d, flagged_by_import WHERE NOT flagged_by_import
DELETE d
RETURN count(*) AS dropped
