// Saved query: Adults living (now or before) in at least this many households.
// param min_households: int = 2
// Read only; names no professional, so the sensitivity parameters that every saved query
// takes ($hide_sensitive, ...) change nothing here. Returns rows {adult, households}.
MATCH (a:Adult)-[:LIVES_AT]->(h:Household)
WITH a, count(DISTINCT h) AS households
WHERE households >= $min_households
RETURN a.given_name + ' ' + a.family_name AS adult, households
ORDER BY households DESC LIMIT 1000
