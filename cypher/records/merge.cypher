// A merge as its undo needs it, locking both records.
// Parameters: $merge_id. Returns {id, kept_id, removed_id, moved, filled, kept_version,
// version_now} or no row.
MATCH (m:Merge {id: $merge_id})
MATCH (k:Person {id: m.kept_id}), (r:Person {id: m.removed_id})
SET k._lock = true, r._lock = true
REMOVE k._lock, r._lock
RETURN m.id AS id, m.kept_id AS kept_id, m.removed_id AS removed_id, m.moved AS moved,
       m.filled AS filled, m.kept_version AS kept_version,
       coalesce(k.version, 0) AS version_now
