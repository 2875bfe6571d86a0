// Sets a person's identity fields if nobody changed the person since the version the form
// was opened at (a null value removes the property).
// Parameters: $person_id, $version, $values (a map of identity fields).
// Returns {id} or no row (changed since).
MATCH (p:Person {id: $person_id})
WHERE coalesce(p.version, 0) = $version
SET p += $values, p.version = coalesce(p.version, 0) + 1
RETURN p.id AS id
