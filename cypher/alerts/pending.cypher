// Team activity not yet turned into alerts, oldest first, with who to tell: the
// professionals on the child's team now (ongoing involvements) and the professional the
// change names (the one added, the leaver, the new lead) and a handover's successor.
// Parameters: $limit. Returns rows {activity_id, change_at, kind, child_id, actor_user_id,
// professional_id, successor_id, team}.
MATCH (a:AlertPending)-[:ABOUT]->(c:Child)
WITH a, c ORDER BY a.at LIMIT $limit
RETURN a.id AS activity_id, a.change_at AS change_at, a.kind AS kind, c.id AS child_id,
       a.actor_user_id AS actor_user_id, a.professional_id AS professional_id,
       a.successor_id AS successor_id,
       COLLECT {
         MATCH (p:Professional)-[i:INVOLVED_WITH]->(c) WHERE i.`to` IS NULL
         RETURN DISTINCT p.id
       } AS team
