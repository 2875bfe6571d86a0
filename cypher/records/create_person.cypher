// Records a person new to the graph as a member of a family.
// Parameters: $family_id, $id, $kind ('child' or 'adult'), $role, $values (identity
// fields), $user_id. Returns {id}.
MATCH (f:Family {id: $family_id})
CREATE (p:Person {id: $id})
FOREACH (_ IN CASE WHEN $kind = 'child' THEN [1] ELSE [] END | SET p:Child)
FOREACH (_ IN CASE WHEN $kind = 'adult' THEN [1] ELSE [] END | SET p:Adult)
SET p += $values, p.version = 1, p.recorded_by = $user_id, p.recorded_at = datetime()
CREATE (p)-[:MEMBER_OF {role: $role, `from`: date(), recorded_by: $user_id}]->(f)
RETURN p.id AS id
