// A professional raises a concern about a child (no text: who, when, which agency).
// Parameters: $professional_id, $child_id. Returns {created}: false when one is active.
MATCH (p:Professional {id: $professional_id}), (c:Child {id: $child_id})
OPTIONAL MATCH (p)-[active:RAISED_CONCERN]->(c) WHERE active.withdrawn_at IS NULL
WITH p, c, active
CALL (p, c, active) {
  WITH p, c, active WHERE active IS NULL
  CREATE (p)-[:RAISED_CONCERN {raised_at: datetime()}]->(c)
  RETURN true AS created
  UNION
  WITH active WHERE active IS NOT NULL
  RETURN false AS created
}
RETURN created
