// The families a person (child or adult) belongs to now, to decide access to the person
// through them. Parameters: $person_id. Returns {family_ids} or no row when there is no
// such person.
MATCH (p:Person {id: $person_id})
RETURN [(p)-[:MEMBER_OF]->(f:Family) | f.id] AS family_ids
