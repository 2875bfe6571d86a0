// Who the gaps are about, for the dashboard: names and dates of birth by id.
// Parameters: $ids. Returns rows {id, name, dob, unborn, expected_date, kind}.
MATCH (p:Person) WHERE p.id IN $ids
RETURN p.id AS id, p.given_name + ' ' + p.family_name AS name, p.dob AS dob,
       coalesce(p.unborn, false) AS unborn, p.expected_date AS expected_date,
       CASE WHEN p:Child THEN 'child' ELSE 'adult' END AS kind
