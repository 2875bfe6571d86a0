// Gap no-gp: a child (born) with no current GP involvement. Severity: low.
// Basis: health professionals share safeguarding information through the registered GP.
// Parameters: $family_id, $today.
// Returns rows {child_id, person_id: null, family_id, since, facts: {dob}, subject_dob,
// subject_unborn}.
CALL {
  WITH $family_id AS only WHERE only IS NOT NULL
  MATCH (:Family {id: only})<-[:MEMBER_OF]-(c:Child) RETURN c
  UNION
  WITH $family_id AS only WHERE only IS NULL
  MATCH (c:Child) RETURN c
}
WITH c
WHERE c.dob IS NOT NULL
  AND NOT EXISTS {
    MATCH (:Agency {type: 'gp'})<-[:WORKS_FOR]-(:Professional)-[i:INVOLVED_WITH]->(c)
    WHERE i.`to` IS NULL OR i.`to` >= $today
  }
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS child_id, null AS person_id, min(f.id) AS family_id, c.dob AS since, {dob: c.dob} AS facts,
       c.dob AS subject_dob, coalesce(c.unborn, false) AS subject_unborn
