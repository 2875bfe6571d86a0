// Appends one entry to a child's team activity: joined, added, left, handed_over,
// lead_changed, concern_raised, concern_withdrawn. Staff names only, never the family's.
// Parameters: $id, $child_id, $kind, $actor_user_id, $professional_id, $professional_name,
// $role, $detail. Returns {id}.
MATCH (c:Child {id: $child_id})
CREATE (a:Activity {id: $id, at: datetime(), kind: $kind, child_id: $child_id,
                    actor_user_id: $actor_user_id, professional_id: $professional_id,
                    professional_name: $professional_name, role: $role, detail: $detail})
CREATE (a)-[:ABOUT]->(c)
RETURN a.id AS id
