// Family ties between the members of a family: parents and partners.
// Parameters: $family_id. Returns rows {type, source, target, kind, status}.
MATCH (f:Family {id: $family_id})<-[:MEMBER_OF]-(a:Adult)
MATCH (a)-[r:PARENT_OF|PARTNER_OF]->(b:Person)-[:MEMBER_OF]->(f)
RETURN type(r) AS type, a.id AS source, b.id AS target, r.kind AS kind, r.status AS status
