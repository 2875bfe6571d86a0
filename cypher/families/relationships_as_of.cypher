// Family ties between people who were members of a family on a day, as they were then:
// a tie recorded from a later date is left out, and partners who separated later were
// current partners then. Parameters: $family_id, $as_of.
// Returns rows {type, source, target, kind, status}.
MATCH (f:Family {id: $family_id})<-[:MEMBER_OF|WAS_MEMBER_OF]-(a:Adult)
MATCH (a)-[r:PARENT_OF|PARTNER_OF]->(b:Person)-[:MEMBER_OF|WAS_MEMBER_OF]->(f)
WHERE coalesce(r.`from`, date('0001-01-01')) <= $as_of
WITH DISTINCT r, a, b
RETURN type(r) AS type, a.id AS source, b.id AS target, r.kind AS kind,
       CASE WHEN r.`to` IS NOT NULL AND r.`to` > $as_of THEN 'current' ELSE r.status END
         AS status
