// Appends one entry to a child's team activity: joined, added, left, handed_over,
// lead_changed, concern_raised, concern_withdrawn, meeting_needed. Staff names only, never
// the family's. With $alert (email alerts are on) the entry is also marked :AlertPending,
// in the same transaction as the change, for the alert worker to pick up. `change_at` (the
// transaction's clock) is shared by the entries of one change: one email tells of them all.
// Parameters: $id, $child_id, $kind, $actor_user_id, $professional_id, $professional_name,
// $role, $detail, $successor_id (a handover's successor, or null), $alert. Returns {id}.
MATCH (c:Child {id: $child_id})
CREATE (a:Activity {id: $id, at: datetime(), change_at: datetime.transaction(), kind: $kind,
                    child_id: $child_id, actor_user_id: $actor_user_id, professional_id: $professional_id,
                    professional_name: $professional_name, role: $role, detail: $detail,
                    successor_id: $successor_id})
CREATE (a)-[:ABOUT]->(c)
FOREACH (_ IN CASE WHEN $alert THEN [1] ELSE [] END | SET a:AlertPending)
RETURN a.id AS id
