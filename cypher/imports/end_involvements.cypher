// Import: the involvements this source gave before, in the roles it speaks for, that it no
// longer gives: ended on the as-of date (never deleted). With $apply false, only counted
// (the dry run). Parameters: $source, $roles, $keep (ids still given), $as_of, $import_id,
// $apply. Returns {ended}.
MATCH ()-[r:INVOLVED_WITH {source: $source}]->()
WHERE r.`to` IS NULL AND r.role IN $roles AND NOT r.id IN $keep
FOREACH (_ IN CASE WHEN $apply THEN [1] ELSE [] END |
  SET r.`to` = $as_of, r.ended_reason = 'not_in_source', r.import_id = $import_id)
RETURN count(r) AS ended
