// The day of the family's last conference that the graph knows: the latest initial child
// protection conference of a child's plan, on or before today. Parameters: $family_id,
// $today. Returns {on} (null when there was none).
OPTIONAL MATCH (:Family {id: $family_id})<-[:MEMBER_OF]-(:Child)-[:SUBJECT_OF]->(plan:Plan)
WHERE plan.icpc_date <= $today
RETURN max(plan.icpc_date) AS on
