// Records that a professional has left (they are no longer offered as a colleague or a
// successor). Parameters: $professional_id, $left. Returns {id}.
MATCH (p:Professional {id: $professional_id})
SET p.left = $left, p.version = coalesce(p.version, 0) + 1
RETURN p.id AS id
