// Whether a professional already has an ongoing involvement in this role with this child.
// Parameters: $child_id, $professional_id, $role. Returns {count}.
MATCH (:Professional {id: $professional_id})-[i:INVOLVED_WITH {role: $role}]->(:Person {id: $child_id})
WHERE i.`to` IS NULL
RETURN count(i) AS count
