// A professional moves to another agency: the old link becomes WORKED_FOR with its end
// date (history, not overwrite) and a new WORKS_FOR starts today.
// Parameters: $professional_id, $agency_id. Returns {id} or no row when there is no such
// agency.
MATCH (p:Professional {id: $professional_id}), (a:Agency {id: $agency_id})
OPTIONAL MATCH (p)-[old:WORKS_FOR]->(:Agency)
CALL (p, old) {
  WITH p, old WHERE old IS NOT NULL
  WITH p, old, endNode(old) AS was
  CREATE (p)-[w:WORKED_FOR]->(was)
  SET w = properties(old), w.`to` = date()
  DELETE old
}
CREATE (p)-[:WORKS_FOR {`from`: date()}]->(a)
RETURN p.id AS id
