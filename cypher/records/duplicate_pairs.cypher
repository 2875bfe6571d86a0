// The possible duplicates still to decide (neither record merged, not said to be two
// people), NHS number matches first, then the newest. Parameters: $skip, $limit.
// Returns rows {key, reasons, found_at, a: {id, given_name, family_name, dob, nhs_number,
// kind}, b: {...}}.
MATCH (d:DuplicatePair)
MATCH (a:Person {id: d.a}), (b:Person {id: d.b})
WHERE NOT EXISTS { (a)-[:MERGED_INTO]->() } AND NOT EXISTS { (b)-[:MERGED_INTO]->() }
  AND NOT EXISTS { (a)-[:NOT_SAME_AS]-(b) }
RETURN d.key AS key, d.reasons AS reasons, d.found_at AS found_at,
       a {.id, .given_name, .family_name, .dob, .nhs_number,
          kind: CASE WHEN a:Child THEN 'child' ELSE 'adult' END} AS a,
       b {.id, .given_name, .family_name, .dob, .nhs_number,
          kind: CASE WHEN b:Child THEN 'child' ELSE 'adult' END} AS b
ORDER BY 'nhs_number' IN d.reasons DESC, d.found_at DESC, d.key
SKIP $skip LIMIT $limit
