// Ends an ongoing involvement. Its `lead` flag stays as history ("was the lead"): every
// query about current leads looks at ongoing involvements only.
// Parameters: $involvement_id, $ended, $reason. Returns {id} or no row when not ongoing.
MATCH (:Professional)-[i:INVOLVED_WITH {id: $involvement_id}]->(:Person)
WHERE i.`to` IS NULL
SET i.`to` = $ended, i.ended_reason = $reason
RETURN i.id AS id
