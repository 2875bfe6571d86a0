// Gap adult-risk-unlinked: an adult in a child's family known to probation, adult mental
// health or substance misuse services (configurable), whose professional is not involved
// with any child of that family. Severity: high.
// Basis: professionals working with parents are invited to the child's conference.
// Parameters: $family_id, $today, $agency_types.
// Returns rows {child_id: null, person_id, family_id, since, facts: {agency_type, role,
// professional_id}, subject_dob,
// subject_unborn}.
CALL {
  WITH $family_id AS only WHERE only IS NOT NULL
  MATCH (f:Family {id: only})<-[:MEMBER_OF]-(adult:Adult)<-[i:INVOLVED_WITH]-(pro:Professional)
        -[:WORKS_FOR]->(a:Agency)
  RETURN f, adult, i, pro, a
  UNION
  WITH $family_id AS only WHERE only IS NULL
  MATCH (a:Agency) WHERE a.type IN $agency_types
  MATCH (a)<-[:WORKS_FOR]-(pro:Professional)-[i:INVOLVED_WITH]->(adult:Adult)-[:MEMBER_OF]->(f:Family)
  RETURN f, adult, i, pro, a
}
WITH f, adult, i, pro, a
WHERE a.type IN $agency_types
  AND (i.`to` IS NULL OR i.`to` >= $today)
  AND EXISTS { (f)<-[:MEMBER_OF]-(:Child) }
  AND NOT EXISTS {
    MATCH (pro)-[j:INVOLVED_WITH]->(:Child)-[:MEMBER_OF]->(f)
    WHERE j.`to` IS NULL OR j.`to` >= $today
  }
RETURN null AS child_id, adult.id AS person_id, f.id AS family_id, i.`from` AS since,
       {agency_type: a.type, role: i.role, professional_id: pro.id} AS facts,
       adult.dob AS subject_dob, coalesce(adult.unborn, false) AS subject_unborn
