// Gap stale-contact: an ongoing involvement with no recorded contact for more than $days
// days (or none recorded since it began that long ago). Severity: low.
// Parameters: $family_id, $today, $days.
// Returns rows {child_id, person_id: null, family_id, since, facts: {role, last_contact, days,
// involvement_id, professional_id}, subject_dob,
// subject_unborn}.
CALL {
  WITH $family_id AS only WHERE only IS NOT NULL
  MATCH (:Family {id: only})<-[:MEMBER_OF]-(c:Child) RETURN c
  UNION
  WITH $family_id AS only WHERE only IS NULL
  MATCH (c:Child) RETURN c
}
MATCH (pro:Professional)-[i:INVOLVED_WITH]->(c)
WHERE i.`to` IS NULL
  AND coalesce(i.last_contact, i.`from`) < $today - duration({days: $days})
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
WITH c, i, pro, min(f.id) AS family_id, coalesce(i.last_contact, i.`from`) AS last
RETURN c.id AS child_id, null AS person_id, family_id, last AS since,
       {role: i.role, last_contact: last, days: duration.inDays(last, $today).days,
        involvement_id: i.id, professional_id: pro.id} AS facts,
       c.dob AS subject_dob, coalesce(c.unborn, false) AS subject_unborn
