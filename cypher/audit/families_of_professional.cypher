// The families a professional works with now (an ongoing involvement with someone in them),
// for "who viewed my families". Parameters: $professional_id. Returns rows {id, name}.
MATCH (:Professional {id: $professional_id})-[i:INVOLVED_WITH]->(:Person)-[:MEMBER_OF]->(f:Family)
WHERE i.`to` IS NULL
RETURN DISTINCT f.id AS id, f.name AS name
