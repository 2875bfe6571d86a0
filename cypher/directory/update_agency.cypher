// Changes an agency if nobody changed it since the version the form was opened at.
// Parameters: $agency_id, $version, $values. Returns {id} or no row (changed since).
MATCH (a:Agency {id: $agency_id})
WHERE coalesce(a.version, 0) = $version
SET a += $values, a.version = coalesce(a.version, 0) + 1
RETURN a.id AS id
