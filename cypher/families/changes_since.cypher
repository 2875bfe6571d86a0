// What happened in a family after a day that the involvements' own dates do not tell: a
// lead named (the team's activity), concerns raised, an adult moving into a member's home,
// plans started or ended. Parameters: $family_id, $since (a date).
// Returns rows {on, kind, person_id, professional_id, professional_name, detail}.
MATCH (:Family {id: $family_id})<-[:MEMBER_OF]-(p:Person)
CALL (p) {
  MATCH (a:Activity {kind: 'lead_changed'})-[:ABOUT]->(p)
  WHERE date(a.at) > $since
  RETURN date(a.at) AS on, 'became_lead' AS kind, a.professional_id AS professional_id,
         a.professional_name AS professional_name, a.role AS detail
  UNION
  MATCH (pro:Professional)-[c:RAISED_CONCERN]->(p)
  WHERE date(c.raised_at) > $since
  RETURN date(c.raised_at) AS on, 'concern_raised' AS kind, pro.id AS professional_id,
         pro.name AS professional_name, null AS detail
  UNION
  MATCH (p)-[:SUBJECT_OF]->(plan:Plan)
  WHERE plan.start > $since
  RETURN plan.start AS on, 'plan_started' AS kind, null AS professional_id,
         null AS professional_name, plan.type AS detail
  UNION
  MATCH (p)-[:SUBJECT_OF]->(plan:Plan)
  WHERE plan.end > $since
  RETURN plan.end AS on, 'plan_ended' AS kind, null AS professional_id,
         null AS professional_name, plan.type AS detail
  UNION
  MATCH (p:Adult)-[l:LIVES_AT]->(h:Household)
  WHERE l.`from` > $since
  RETURN l.`from` AS on, 'moved_in' AS kind, null AS professional_id,
         null AS professional_name, h.address AS detail
}
RETURN on, kind, p.id AS person_id, professional_id, professional_name, detail
ORDER BY on, kind
