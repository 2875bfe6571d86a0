// The merges that kept this person's record, newest first (for their undo).
// Parameters: $person_id. Returns rows {id, at, reason, removed_id, removed_name}.
MATCH (m:Merge {kept_id: $person_id})
MATCH (r:Person {id: m.removed_id})
RETURN m.id AS id, m.at AS at, m.reason AS reason, m.removed_id AS removed_id,
       r.given_name + ' ' + r.family_name AS removed_name
ORDER BY m.at DESC
