// Ends an ongoing involvement. Parameters: $involvement_id, $ended, $reason.
// Returns {id} or no row when it is not ongoing.
MATCH (:Professional)-[i:INVOLVED_WITH {id: $involvement_id}]->(:Child)
WHERE i.`to` IS NULL
SET i.`to` = $ended, i.ended_reason = $reason, i.lead = false
RETURN i.id AS id
