// Records that two records flagged as possible duplicates are two people, so that the pair
// is not flagged again. Parameters: $a, $b, $reason, $user_id. Returns {created} or no row
// when either record is not there.
MATCH (a:Person {id: $a}), (b:Person {id: $b})
OPTIONAL MATCH (a)-[old:NOT_SAME_AS]-(b)
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (a)-[:NOT_SAME_AS {at: datetime(), by: $user_id, reason: $reason}]->(b))
RETURN old IS NULL AS created
