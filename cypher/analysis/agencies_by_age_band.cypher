// Current involvement of each agency type by the children's age band.
// Parameters: $today. Returns rows {agency_type, band, children}.
MATCH (a:Agency)<-[:WORKS_FOR]-(:Professional)-[i:INVOLVED_WITH]->(c:Child)
WHERE i.`to` IS NULL
WITH a.type AS agency_type, c,
     CASE WHEN c.dob IS NULL THEN 'unborn'
          WHEN c.dob > $today - duration({years: 5}) THEN '0-4'
          WHEN c.dob > $today - duration({years: 11}) THEN '5-10'
          WHEN c.dob > $today - duration({years: 16}) THEN '11-15'
          ELSE '16-17' END AS band
RETURN agency_type, band, count(DISTINCT c) AS children
ORDER BY agency_type, band
