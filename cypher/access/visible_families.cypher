// Of the given families, those a practitioner may see: their professional is (or within
// $window_days was) involved with someone in it, or they hold an unexpired break-glass grant.
// Parameters: $user_id, $family_ids, $window_days. Returns rows {family_id}.
MATCH (f:Family) WHERE f.id IN $family_ids
MATCH (u:User {id: $user_id})
WHERE EXISTS {
        MATCH (u)-[:IS]->(:Professional)-[i:INVOLVED_WITH]->(:Person)-[:MEMBER_OF]->(f)
        WHERE i.`to` IS NULL OR i.`to` >= date() - duration({days: $window_days})
      }
   OR EXISTS { MATCH (u)-[g:BREAK_GLASS]->(f) WHERE g.expires_at > datetime() }
RETURN f.id AS family_id
