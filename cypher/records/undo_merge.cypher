// Undoes a merge's own marks: the tombstone link and the Merge node go, the fields the kept
// record gained are removed and its version is as before (the audit trail keeps that the
// merge happened and was undone). Parameters: $merge_id, $unset (each filled field -> null).
// Returns {id}.
MATCH (m:Merge {id: $merge_id})
MATCH (:Person {id: m.removed_id})-[t:MERGED_INTO {merge_id: $merge_id}]->(k:Person {id: m.kept_id})
SET k += $unset, k.version = m.kept_version
DELETE t
WITH m, m.id AS id
DELETE m
RETURN id
