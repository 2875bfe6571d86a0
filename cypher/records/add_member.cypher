// Adds a person already in the graph to a family, unless they are a member already.
// Parameters: $family_id, $person_id, $role, $user_id. Returns {added} (false: a member
// already) or no row when the family or the person is not there.
MATCH (f:Family {id: $family_id}), (p:Person {id: $person_id})
WHERE NOT (p)-[:MERGED_INTO]->()
OPTIONAL MATCH (p)-[existing:MEMBER_OF]->(f)
FOREACH (_ IN CASE WHEN existing IS NULL THEN [1] ELSE [] END |
  CREATE (p)-[:MEMBER_OF {role: $role, `from`: date(), recorded_by: $user_id}]->(f))
RETURN existing IS NULL AS added
