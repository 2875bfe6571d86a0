// A professional withdraws their active concern about a child.
// Parameters: $professional_id, $child_id. Returns {withdrawn} (how many).
MATCH (:Professional {id: $professional_id})-[r:RAISED_CONCERN]->(:Child {id: $child_id})
WHERE r.withdrawn_at IS NULL
SET r.withdrawn_at = datetime()
RETURN count(r) AS withdrawn
