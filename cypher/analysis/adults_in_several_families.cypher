// Adults who belong to more than one family or live (now or before) in more than one
// household. No parameters. Returns rows {id, name, families, households, family_ids}.
MATCH (a:Adult)
WITH a, COUNT { (a)-[:MEMBER_OF]->(:Family) } AS families,
     COUNT { (a)-[:LIVES_AT]->(:Household) } AS households
WHERE families > 1 OR households > 1
OPTIONAL MATCH (a)-[:MEMBER_OF]->(f:Family)
RETURN a.id AS id, a.given_name + ' ' + a.family_name AS name, families, households,
       collect(f.id) AS family_ids
ORDER BY families DESC, households DESC, name
LIMIT 5000
