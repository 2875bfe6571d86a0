// Gap cp-too-few-agencies: a child on an active child protection plan with fewer than
// $min_agencies agencies currently involved. Severity: high.
// Basis: a child protection conference is normally quorate with three agencies.
// Parameters: $family_id, $today, $min_agencies.
// Returns rows {child_id, family_id, since, facts: {agencies, plan_start}}.
MATCH (c:Child)-[:SUBJECT_OF]->(p:Plan {type: 'CP'})
WHERE (p.end IS NULL OR p.end >= $today)
  AND ($family_id IS NULL OR EXISTS { (c)-[:MEMBER_OF]->(:Family {id: $family_id}) })
WITH c, p, COUNT {
  MATCH (a:Agency)<-[:WORKS_FOR]-(:Professional)-[i:INVOLVED_WITH]->(c)
  WHERE i.`to` IS NULL OR i.`to` >= $today
  RETURN DISTINCT a
} AS agencies
WHERE agencies < $min_agencies
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS child_id, min(f.id) AS family_id, p.start AS since,
       {agencies: agencies, plan_start: p.start} AS facts
