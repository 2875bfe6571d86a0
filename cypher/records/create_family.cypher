// Records a new family. Parameters: $id, $name, $user_id. Returns {id}.
CREATE (f:Family {id: $id, name: $name, version: 1, recorded_by: $user_id,
                  recorded_at: datetime()})
RETURN f.id AS id
