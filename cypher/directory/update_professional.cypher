// Changes a professional's details if nobody changed them since the version the form was
// opened at (a null value removes the property). Parameters: $professional_id, $version,
// $values. Returns {id} or no row (changed since).
MATCH (p:Professional {id: $professional_id})
WHERE coalesce(p.version, 0) = $version
SET p += $values, p.version = coalesce(p.version, 0) + 1
RETURN p.id AS id
