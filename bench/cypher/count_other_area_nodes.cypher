// Bench only: how many family-side or service nodes do not belong to this area (another
// seed, tests, the demo), which would skew area-wide figures. Parameters: $prefix.
// Returns {nodes}.
MATCH (n)
WHERE (n:Person OR n:Family OR n:Household OR n:Agency OR n:Professional OR n:Plan)
  AND NOT n.id STARTS WITH $prefix
RETURN count(n) AS nodes
