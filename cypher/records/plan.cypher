// One plan of a child, as its edit form shows it. Parameters: $child_id, $plan_id.
// Returns {id, type, category, start, icpc_date, next_review, end, version} or no row.
MATCH (:Child {id: $child_id})-[:SUBJECT_OF]->(p:Plan {id: $plan_id})
RETURN p.id AS id, p.type AS type, p.category AS category, p.start AS start,
       p.icpc_date AS icpc_date, p.next_review AS next_review, p.end AS end,
       coalesce(p.version, 0) AS version
