// Keeps a duplicate scan's pairs (a before b), each with the reasons it was flagged, marked
// with the scan. Parameters: $pairs: [{a, b, reasons}], $scan_id. Returns {saved}.
UNWIND $pairs AS pair
MERGE (d:DuplicatePair {key: pair.a + '|' + pair.b})
  ON CREATE SET d.a = pair.a, d.b = pair.b, d.found_at = datetime()
SET d.reasons = pair.reasons + CASE WHEN d.from_import THEN ['import'] ELSE [] END,
    d.scan_id = $scan_id
RETURN count(d) AS saved
