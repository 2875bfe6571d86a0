// Gap under5-no-health-visitor: a child under 5 (up to $max_age), or an unborn child on a
// plan, with no current health visitor. Severity: medium.
// Basis: the Healthy Child Programme: health visitors lead for children 0 to 5.
// Parameters: $family_id, $today, $max_age.
// Returns rows {child_id, family_id, since, facts: {dob, expected_date, unborn}}.
CALL {
  WITH $family_id AS only WHERE only IS NOT NULL
  MATCH (:Family {id: only})<-[:MEMBER_OF]-(c:Child) RETURN c
  UNION
  WITH $family_id AS only WHERE only IS NULL
  MATCH (c:Child) RETURN c
}
WITH c
WHERE (c.dob IS NOT NULL AND c.dob > $today - duration({years: $max_age + 1}))
   OR (c.unborn AND EXISTS {
         MATCH (c)-[:SUBJECT_OF]->(p:Plan) WHERE p.end IS NULL OR p.end >= $today })
WITH c
WHERE NOT EXISTS {
  MATCH (:Professional)-[i:INVOLVED_WITH {role: 'health_visitor'}]->(c)
  WHERE i.`to` IS NULL OR i.`to` >= $today
}
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS child_id, min(f.id) AS family_id, coalesce(c.dob, $today) AS since,
       {dob: c.dob, expected_date: c.expected_date, unborn: coalesce(c.unborn, false)} AS facts
