// Records that an adult is a parent (of some kind) of a child, unless a parent link
// between them is there already. Parameters: $parent_id, $child_id, $kind, $since,
// $until, $user_id. Returns {created} or no row when either person is not of their kind.
MATCH (a:Adult {id: $parent_id}), (c:Child {id: $child_id})
OPTIONAL MATCH (a)-[old:PARENT_OF]->(c)
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (a)-[:PARENT_OF {kind: $kind, `from`: $since, `to`: $until,
                          recorded_by: $user_id}]->(c))
RETURN old IS NULL AS created
