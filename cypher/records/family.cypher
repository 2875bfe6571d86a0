// A family as its forms show it: name, version, and its members now with their kind and
// current household. Parameters: $family_id. Returns {id, name, version, members: [{id,
// kind, name, unborn, household_id}], households: [{id, address, postcode}]} or no row.
MATCH (f:Family {id: $family_id})
OPTIONAL MATCH (p:Person)-[m:MEMBER_OF]->(f)
OPTIONAL MATCH (p)-[l:LIVES_AT]->(h:Household) WHERE l.`to` IS NULL
WITH f, p, m, head(collect(h)) AS h
ORDER BY m.role = 'child', p.dob, p.given_name
RETURN f.id AS id, f.name AS name, coalesce(f.version, 0) AS version,
       [x IN collect(CASE WHEN p IS NULL THEN null ELSE {
          id: p.id, kind: CASE WHEN p:Child THEN 'child' ELSE 'adult' END, role: m.role,
          name: p.given_name + ' ' + p.family_name, unborn: p.unborn,
          household_id: h.id} END) | x] AS members,
       [x IN collect(DISTINCT h {.id, .address, .postcode}) WHERE x IS NOT NULL] AS households
