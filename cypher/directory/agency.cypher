// One agency with its version and its professionals (those who left last).
// Parameters: $agency_id. Returns {id, name, type, version, professionals: [{id, name,
// job_title, email, phone, sensitive_role, left}]} or no row.
MATCH (a:Agency {id: $agency_id})
OPTIONAL MATCH (p:Professional)-[:WORKS_FOR]->(a)
WITH a, p ORDER BY p.left IS NOT NULL, p.name
RETURN a.id AS id, a.name AS name, a.type AS type, coalesce(a.version, 0) AS version,
       [x IN collect(p {.id, .name, .job_title, .email, .phone, .sensitive_role, .left})
        WHERE x IS NOT NULL] AS professionals
