// Where these people live now, and since when. Parameters: $person_ids.
// Returns rows {id, household_id, since}.
MATCH (p:Person)-[l:LIVES_AT]->(h:Household)
WHERE p.id IN $person_ids AND l.`to` IS NULL
RETURN p.id AS id, h.id AS household_id, l.`from` AS since
