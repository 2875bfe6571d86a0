// Takes a person out of a family on a date, keeping the history: the membership becomes a
// WAS_MEMBER_OF with the same properties and its end date (nothing is deleted).
// Parameters: $family_id, $person_id, $left, $user_id. Returns {role, since} or no row
// when the person is not a member.
MATCH (p:Person {id: $person_id})-[m:MEMBER_OF]->(f:Family {id: $family_id})
CREATE (p)-[was:WAS_MEMBER_OF]->(f)
SET was = properties(m), was.`to` = $left, was.ended_by = $user_id
WITH m, m.role AS role, m.`from` AS since
DELETE m
RETURN role, since
