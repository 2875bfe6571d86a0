// Records the day of the last contact on an ongoing involvement.
// Parameters: $involvement_id, $day. Returns {id} or no row.
MATCH (:Professional)-[i:INVOLVED_WITH {id: $involvement_id}]->(:Child)
WHERE i.`to` IS NULL
SET i.last_contact = $day
RETURN i.id AS id
