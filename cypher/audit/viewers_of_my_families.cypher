// Who has looked at the families a practitioner works with (ongoing involvements), newest
// first. Parameters: $user_id, $limit. Returns rows {at, action, outcome, family_id,
// family_name, viewer_name, viewer_agency, viewer_email}.
MATCH (:User {id: $user_id})-[:IS]->(me:Professional)-[i:INVOLVED_WITH]->(:Person)
      -[:MEMBER_OF]->(f:Family)
WHERE i.`to` IS NULL
WITH DISTINCT f
MATCH (e:AuditEvent {target_id: f.id})
WHERE e.action IN ['view_family', 'view_map', 'export']
OPTIONAL MATCH (viewer:User {id: e.user_id})
OPTIONAL MATCH (viewer)-[:IS]->(vp:Professional)
OPTIONAL MATCH (vp)-[:WORKS_FOR]->(a:Agency)
RETURN e.at AS at, e.action AS action, e.outcome AS outcome, f.id AS family_id,
       f.name AS family_name, vp.name AS viewer_name, a.name AS viewer_agency,
       viewer.email AS viewer_email
ORDER BY e.at DESC LIMIT $limit
