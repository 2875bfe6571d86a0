// A professional's ongoing involvements, for the page that ends them all when they leave.
// Parameters: $professional_id. Returns rows {id, role, lead, since, person_id,
// person_name, kind}.
MATCH (:Professional {id: $professional_id})-[i:INVOLVED_WITH]->(x:Person)
WHERE i.`to` IS NULL
RETURN i.id AS id, i.role AS role, coalesce(i.lead, false) AS lead, i.`from` AS since,
       x.id AS person_id, x.given_name + ' ' + x.family_name AS person_name,
       CASE WHEN x:Child THEN 'child' ELSE 'adult' END AS kind
ORDER BY person_name, i.role
