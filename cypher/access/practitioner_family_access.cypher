// Need to know: whether a user's professional is (or within $window_days was) involved with
// anyone in the family, and whether the user holds an unexpired break-glass grant for it.
// Parameters: $user_id, $family_id, $window_days.
// Returns {exists, involved, granted, lead} where lead says the professional is the lead or
// allocated social worker of a child in the family (who may see sensitive involvements).
OPTIONAL MATCH (f:Family {id: $family_id})
OPTIONAL MATCH (u:User {id: $user_id})
OPTIONAL MATCH (u)-[:IS]->(p:Professional)
RETURN f IS NOT NULL AS exists,
       p IS NOT NULL AND EXISTS {
         MATCH (p)-[i:INVOLVED_WITH]->(:Person)-[:MEMBER_OF]->(f)
         WHERE i.`to` IS NULL OR i.`to` >= date() - duration({days: $window_days})
       } AS involved,
       p IS NOT NULL AND EXISTS {
         MATCH (p)-[i:INVOLVED_WITH]->(:Child)-[:MEMBER_OF]->(f)
         WHERE i.`to` IS NULL AND (i.lead OR i.role = 'allocated_social_worker')
       } AS lead,
       EXISTS {
         MATCH (u)-[g:BREAK_GLASS]->(f) WHERE g.expires_at > datetime()
       } AS granted
