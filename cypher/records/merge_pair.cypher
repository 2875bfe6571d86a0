// The two records of a merge, locked for the transaction: whether each is there, its kind,
// whether it is already merged into another, its identity and version.
// Parameters: $kept_id, $removed_id. Returns rows {id, kind, merged, nhs_number, dob,
// gender, version} (one per record found).
MATCH (p:Person) WHERE p.id IN [$kept_id, $removed_id]
SET p._lock = true
REMOVE p._lock
RETURN p.id AS id, CASE WHEN p:Child THEN 'child' ELSE 'adult' END AS kind,
       EXISTS { (p)-[:MERGED_INTO]->() } AS merged, p.nhs_number AS nhs_number, p.dob AS dob,
       p.gender AS gender, coalesce(p.version, 0) AS version
