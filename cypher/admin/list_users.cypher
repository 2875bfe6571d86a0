// Every account, for the admin page. No parameters.
// Returns rows {id, email, role, extra_roles, active, professional_name, agency_name}.
MATCH (u:User)
OPTIONAL MATCH (u)-[:IS]->(p:Professional)
OPTIONAL MATCH (p)-[:WORKS_FOR]->(a:Agency)
RETURN u.id AS id, u.email AS email, u.role AS role, coalesce(u.extra_roles, []) AS extra_roles,
       u.active AS active, p.name AS professional_name, a.name AS agency_name
ORDER BY u.email
