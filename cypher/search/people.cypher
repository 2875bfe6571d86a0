// People whose names match a full-text query (typo-tolerant terms built by the app), with an
// optional exact date of birth to tell namesakes apart, and the families they belong to.
// A record merged into another is not a result (the one kept is).
// Parameters: $query (Lucene syntax, terms escaped), $dob (date or null), $limit.
// Returns rows {id, kind, given_name, family_name, dob, unborn, expected_date, score,
// families: [{id, name}]}.
CALL db.index.fulltext.queryNodes('person_names', $query, {limit: 200}) YIELD node, score
WHERE ($dob IS NULL OR node.dob = $dob) AND NOT EXISTS { (node)-[:MERGED_INTO]->() }
WITH node, score ORDER BY score DESC LIMIT $limit
OPTIONAL MATCH (node)-[:MEMBER_OF]->(f:Family)
RETURN node.id AS id, CASE WHEN node:Child THEN 'child' ELSE 'adult' END AS kind,
       node.given_name AS given_name, node.family_name AS family_name, node.dob AS dob,
       node.unborn AS unborn, node.expected_date AS expected_date, score,
       collect(f {.id, .name}) AS families
ORDER BY score DESC
