// Moves people to a household on a date: each one's current home (if any, and if it is
// another household) ends the day before, and they live at the new one from that day.
// Parameters: $person_ids, $household_id, $moved, $user_id.
// Returns rows {id, moved} (moved false: they live there already).
MATCH (h:Household {id: $household_id})
UNWIND $person_ids AS person_id
MATCH (p:Person {id: person_id})
OPTIONAL MATCH (p)-[here:LIVES_AT]->(h) WHERE here.`to` IS NULL
WITH p, h, here
CALL (p, h, here) {
  WITH p, h, here WHERE here IS NULL
  OPTIONAL MATCH (p)-[old:LIVES_AT]->(:Household) WHERE old.`to` IS NULL
  SET old.`to` = $moved - duration({days: 1})
  CREATE (p)-[:LIVES_AT {`from`: $moved, recorded_by: $user_id}]->(h)
}
RETURN p.id AS id, here IS NULL AS moved
