// One family with its members: identity, role in the family and current household.
// Parameters: $family_id. Returns {id, name, members: [{id, kind, given_name, family_name,
// dob, unborn, expected_date, gender, deceased, role, homes: [{id, address, postcode}]}]}
// or no row when there is no such family.
MATCH (f:Family {id: $family_id})
OPTIONAL MATCH (p:Person)-[m:MEMBER_OF]->(f)
OPTIONAL MATCH (p)-[l:LIVES_AT]->(h:Household) WHERE l.`to` IS NULL
WITH f, p, m, collect(h {.id, .address, .postcode}) AS homes
RETURN f.id AS id, f.name AS name,
       collect(CASE WHEN p IS NULL THEN null ELSE p {
         .id, .given_name, .family_name, .dob, .unborn, .expected_date, .gender, .deceased,
         kind: CASE WHEN p:Child THEN 'child' ELSE 'adult' END, role: m.role, homes: homes
       } END) AS members
