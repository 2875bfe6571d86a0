// Team changes a user should hear about: on the teams of children their professional works
// with now, or naming their professional (a colleague added them), not their own actions;
// newest first. Parameters: $professional_id, $user_id, $seen_at (when the user last
// looked, or null), $limit. Returns rows {at, kind, child_id, child_name,
// professional_name, role, detail, unread}.
MATCH (me:Professional {id: $professional_id})
CALL (me) {
  MATCH (me)-[i:INVOLVED_WITH]->(c:Child)<-[:ABOUT]-(a:Activity)
  WHERE i.`to` IS NULL
  RETURN a
  UNION
  MATCH (a:Activity {professional_id: me.id})
  RETURN a
}
WITH a WHERE a.actor_user_id <> $user_id
MATCH (a)-[:ABOUT]->(c:Child)
RETURN a.at AS at, a.kind AS kind, c.id AS child_id, c.given_name + ' ' + c.family_name AS child_name,
       a.professional_name AS professional_name, a.role AS role, a.detail AS detail,
       $seen_at IS NULL OR a.at > $seen_at AS unread
ORDER BY a.at DESC LIMIT $limit
