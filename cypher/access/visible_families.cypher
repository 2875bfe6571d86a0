// Of the given families, those a professional is (or within $window_days was) involved
// with through someone in them. Break-glass grants are checked in the app's store.
// Parameters: $professional_id, $family_ids, $window_days. Returns rows {family_id}.
MATCH (f:Family) WHERE f.id IN $family_ids
MATCH (p:Professional {id: $professional_id})
WHERE EXISTS {
  MATCH (p)-[i:INVOLVED_WITH]->(:Person)-[:MEMBER_OF]->(f)
  WHERE i.`to` IS NULL OR i.`to` >= date() - duration({days: $window_days})
}
RETURN f.id AS family_id
