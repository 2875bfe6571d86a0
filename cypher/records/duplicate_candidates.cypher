// A person and the records that share their NHS number, date of birth or current home (not
// merged records), as the duplicate rules compare them, with the pairs among them said to
// be two people. Parameters: $person_id. Returns {person, candidates: [...], apart: [[a, b]]}
// (each person as {id, given_name, family_name, dob, nhs_number, homes, ties}) or no row.
MATCH (p:Person {id: $person_id})
OPTIONAL CALL (p) {
  MATCH (o:Person {dob: p.dob}) WHERE o <> p RETURN o
  UNION
  MATCH (o:Person {nhs_number: p.nhs_number}) WHERE o <> p RETURN o
  UNION
  MATCH (p)-[here:LIVES_AT]->(:Household)<-[there:LIVES_AT]-(o:Person)
  WHERE here.`to` IS NULL AND there.`to` IS NULL AND o <> p
  RETURN o
}
WITH p, [x IN collect(DISTINCT o) WHERE NOT EXISTS { (x)-[:MERGED_INTO]->() }] AS others
RETURN
  p {.id, .given_name, .family_name, .dob, .nhs_number,
     homes: [(p)-[l:LIVES_AT]->(h:Household) WHERE l.`to` IS NULL | h.id],
     ties: [(p)-[:PARENT_OF|PARTNER_OF]-(t:Person) | t.id]} AS person,
  [o IN others | o {.id, .given_name, .family_name, .dob, .nhs_number,
     homes: [(o)-[l:LIVES_AT]->(h:Household) WHERE l.`to` IS NULL | h.id],
     ties: [(o)-[:PARENT_OF|PARTNER_OF]-(t:Person) | t.id]}] AS candidates,
  [(p)-[:NOT_SAME_AS]-(o:Person) | [p.id, o.id]] AS apart
