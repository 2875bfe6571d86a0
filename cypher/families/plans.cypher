// The plans of the children in a family, current first.
// Parameters: $family_id. Returns rows {id, child_id, child_name, type, category, start,
// end, icpc_date, next_review}.
MATCH (f:Family {id: $family_id})<-[:MEMBER_OF]-(c:Child)-[:SUBJECT_OF]->(p:Plan)
RETURN p.id AS id, c.id AS child_id, c.given_name + ' ' + c.family_name AS child_name,
       p.type AS type, p.category AS category, p.start AS start, p.end AS end,
       p.icpc_date AS icpc_date, p.next_review AS next_review
ORDER BY p.end IS NOT NULL, p.start DESC
