// Gap school-age-no-school: a child of compulsory school age ($min_age to $max_age) with
// no current involvement of a school. Severity: medium.
// Basis: the duty on local authorities to identify children missing education.
// Parameters: $family_id, $today, $min_age, $max_age.
// Returns rows {child_id, person_id: null, family_id, since, facts: {dob, age}, subject_dob,
// subject_unborn}.
CALL {
  WITH $family_id AS only WHERE only IS NOT NULL
  MATCH (:Family {id: only})<-[:MEMBER_OF]-(c:Child) RETURN c
  UNION
  WITH $family_id AS only WHERE only IS NULL
  MATCH (c:Child) RETURN c
}
WITH c
WHERE c.dob <= $today - duration({years: $min_age})
  AND c.dob > $today - duration({years: $max_age + 1})
  AND NOT EXISTS {
    MATCH (:Agency {type: 'school'})<-[:WORKS_FOR]-(:Professional)-[i:INVOLVED_WITH]->(c)
    WHERE i.`to` IS NULL OR i.`to` >= $today
  }
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS child_id, null AS person_id, min(f.id) AS family_id,
       c.dob + duration({years: $min_age}) AS since,
       {dob: c.dob, age: duration.between(c.dob, $today).years} AS facts,
       c.dob AS subject_dob, coalesce(c.unborn, false) AS subject_unborn
