// Adds an agency to the directory. Parameters: $id, $values ({name, type}), $user_id.
// Returns {id}.
CREATE (a:Agency {id: $id})
SET a += $values, a.version = 1, a.recorded_by = $user_id, a.recorded_at = datetime()
RETURN a.id AS id
