// The other current members of a person's families, once each, by name.
// Parameters: $person_id. Returns rows {id, name, kind}.
MATCH (:Person {id: $person_id})-[:MEMBER_OF]->(:Family)<-[:MEMBER_OF]-(o:Person)
WHERE o.id <> $person_id
WITH DISTINCT o
RETURN o.id AS id, o.given_name + ' ' + o.family_name AS name,
       CASE WHEN o:Child THEN 'child' ELSE 'adult' END AS kind
ORDER BY name
