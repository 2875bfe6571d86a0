// One person's identity as the edit forms show it, with the version it is at, and which
// families they belong to now. Parameters: $person_id. Returns {id, kind, given_name,
// family_name, dob, gender, nhs_number, unborn, expected_date, deceased, died, version,
// family_ids, merged_into} or no row.
MATCH (p:Person {id: $person_id})
OPTIONAL MATCH (p)-[:MERGED_INTO]->(kept:Person)
RETURN p.id AS id, CASE WHEN p:Child THEN 'child' ELSE 'adult' END AS kind,
       p.given_name AS given_name, p.family_name AS family_name, p.dob AS dob,
       p.gender AS gender, p.nhs_number AS nhs_number, p.unborn AS unborn,
       p.expected_date AS expected_date, p.deceased AS deceased, p.died AS died,
       coalesce(p.version, 0) AS version,
       [(p)-[:MEMBER_OF]->(f:Family) | f.id] AS family_ids, kept.id AS merged_into
