// One family as it was on a day: the members then (a membership that has ended counts
// while it lasted; someone born later is not there yet) and the homes they lived in then.
// A fact with no start date counts from always. Parameters: $family_id, $as_of.
// Returns {id, name, members: [...]} as families/family does, or no row.
MATCH (f:Family {id: $family_id})
OPTIONAL MATCH (p:Person)-[m:MEMBER_OF|WAS_MEMBER_OF]->(f)
  WHERE coalesce(m.`from`, date('0001-01-01')) <= $as_of
    AND (m.`to` IS NULL OR m.`to` >= $as_of) AND (p.dob IS NULL OR p.dob <= $as_of)
OPTIONAL MATCH (p)-[l:LIVES_AT]->(h:Household)
  WHERE coalesce(l.`from`, date('0001-01-01')) <= $as_of AND (l.`to` IS NULL OR l.`to` >= $as_of)
WITH f, p, m, collect(h {.id, .address, .postcode}) AS homes
RETURN f.id AS id, f.name AS name,
       collect(CASE WHEN p IS NULL THEN null ELSE p {
         .id, .given_name, .family_name, .dob, .unborn, .expected_date, .gender, .deceased,
         kind: CASE WHEN p:Child THEN 'child' ELSE 'adult' END, role: m.role, homes: homes
       } END) AS members
