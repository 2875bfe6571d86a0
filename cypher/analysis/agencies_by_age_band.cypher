// Current involvement of each agency type by the children's age band. With
// $hide_sensitive, sensitive services are left out (the rule of app/access.py).
// Parameters: $today, $hide_sensitive, $sensitive_agency_types, $sensitive_roles.
// Returns rows {agency_type, band, children}.
MATCH (a:Agency)<-[:WORKS_FOR]-(p:Professional)-[i:INVOLVED_WITH]->(c:Child)
WHERE i.`to` IS NULL
  AND NOT ($hide_sensitive AND (a.type IN $sensitive_agency_types
           OR coalesce(p.sensitive_role, false) OR i.role IN $sensitive_roles))
WITH a.type AS agency_type, c,
     CASE WHEN c.dob IS NULL THEN 'unborn'
          WHEN c.dob > $today - duration({years: 5}) THEN '0-4'
          WHEN c.dob > $today - duration({years: 11}) THEN '5-10'
          WHEN c.dob > $today - duration({years: 16}) THEN '11-15'
          ELSE '16-17' END AS band
RETURN agency_type, band, count(DISTINCT c) AS children
ORDER BY agency_type, band
