// Break-glass accesses for coordinators to review, newest first: who, which family, why,
// when, and until when. Parameters: $limit. Returns rows {at, user_email, professional_name,
// family_id, family_name, reason, expires_at}.
MATCH (u:User)-[g:BREAK_GLASS]->(f:Family)
OPTIONAL MATCH (u)-[:IS]->(p:Professional)
RETURN g.at AS at, u.email AS user_email, p.name AS professional_name, f.id AS family_id,
       f.name AS family_name, g.reason AS reason, g.expires_at AS expires_at
ORDER BY g.at DESC LIMIT $limit
