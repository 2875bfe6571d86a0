// A child's team activity, newest first. Parameters: $child_id, $limit.
// Returns rows {at, kind, professional_name, role, detail}.
MATCH (a:Activity)-[:ABOUT]->(:Child {id: $child_id})
RETURN a.at AS at, a.kind AS kind, a.professional_name AS professional_name, a.role AS role,
       a.detail AS detail
ORDER BY a.at DESC LIMIT $limit
