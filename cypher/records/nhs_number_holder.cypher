// Who else holds this NHS number (a reliable identifier: two people with one number are
// one person recorded twice). Parameters: $nhs_number, $person_id (the person being
// recorded, or null). Returns rows {id}.
MATCH (p:Person {nhs_number: $nhs_number})
WHERE p.id <> coalesce($person_id, '') AND NOT (p)-[:MERGED_INTO]->()
RETURN p.id AS id
LIMIT 1
