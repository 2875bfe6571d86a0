// Import: the plans this source gave before, of the types it speaks for, that it no longer
// gives: ended on the as-of date (never deleted). With $apply false, only counted.
// Parameters: $source, $types, $keep (ids still given), $as_of, $import_id, $apply.
// Returns {ended}.
MATCH (p:Plan {source: $source})
WHERE p.end IS NULL AND p.type IN $types AND NOT p.id IN $keep
FOREACH (_ IN CASE WHEN $apply THEN [1] ELSE [] END |
  SET p.end = $as_of, p.import_id = $import_id)
RETURN count(p) AS ended
