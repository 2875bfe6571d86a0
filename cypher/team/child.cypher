// A child with the families they belong to. Parameters: $child_id.
// Returns {id, given_name, family_name, dob, unborn, expected_date, gender, families:
// [{id, name}]} or no row.
MATCH (c:Child {id: $child_id})
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS id, c.given_name AS given_name, c.family_name AS family_name, c.dob AS dob,
       c.unborn AS unborn, c.expected_date AS expected_date, c.gender AS gender,
       collect(f {.id, .name}) AS families
