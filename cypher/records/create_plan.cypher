// Records a plan for a child. Parameters: $child_id, $id, $values, $user_id.
// Returns {id} or no row when there is no such child.
MATCH (c:Child {id: $child_id})
CREATE (c)-[:SUBJECT_OF]->(p:Plan {id: $id})
SET p += $values, p.version = 1, p.recorded_by = $user_id, p.recorded_at = datetime()
RETURN p.id AS id
