// Renames a family if nobody changed it since the version the form was opened at.
// Parameters: $family_id, $version, $name. Returns {id} or no row (changed since).
MATCH (f:Family {id: $family_id})
WHERE coalesce(f.version, 0) = $version
SET f.name = $name, f.version = coalesce(f.version, 0) + 1
RETURN f.id AS id
