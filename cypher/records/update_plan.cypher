// Changes a plan if nobody changed it since the version the form was opened at (a null
// value removes the property). Parameters: $child_id, $plan_id, $version, $values.
// Returns {id} or no row (changed since, or not this child's plan).
MATCH (:Child {id: $child_id})-[:SUBJECT_OF]->(p:Plan {id: $plan_id})
WHERE coalesce(p.version, 0) = $version
SET p += $values, p.version = coalesce(p.version, 0) + 1
RETURN p.id AS id
