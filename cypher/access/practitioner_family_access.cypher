// Need to know: whether a professional is (or within $window_days was) involved with anyone
// in the family. Break-glass grants are kept in the app's store and checked there.
// Parameters: $professional_id (or null), $family_id, $window_days.
// Returns {exists, involved, lead} where lead says the professional is the lead or
// allocated social worker of a child in the family (who may see sensitive involvements).
OPTIONAL MATCH (f:Family {id: $family_id})
OPTIONAL MATCH (p:Professional {id: $professional_id})
RETURN f IS NOT NULL AS exists,
       p IS NOT NULL AND f IS NOT NULL AND EXISTS {
         MATCH (p)-[i:INVOLVED_WITH]->(:Person)-[:MEMBER_OF]->(f)
         WHERE i.`to` IS NULL OR i.`to` >= date() - duration({days: $window_days})
       } AS involved,
       p IS NOT NULL AND f IS NOT NULL AND EXISTS {
         MATCH (p)-[i:INVOLVED_WITH]->(:Child)-[:MEMBER_OF]->(f)
         WHERE i.`to` IS NULL AND (i.lead OR i.role = 'allocated_social_worker')
       } AS lead
