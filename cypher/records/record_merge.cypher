// Records a merge: the removed record points to the kept one (MERGED_INTO, a tombstone that
// links and search resolve), the kept one gains the identity fields it lacked, and a Merge
// node keeps what the undo needs. Parameters: $id, $kept_id, $removed_id, $reason, $user_id,
// $moved (the removed record's relationships, as JSON), $filled (field -> value),
// $kept_version (the kept record's version before). Returns {id}.
MATCH (k:Person {id: $kept_id}), (r:Person {id: $removed_id})
CREATE (r)-[:MERGED_INTO {at: datetime(), by: $user_id, reason: $reason, merge_id: $id}]->(k)
CREATE (m:Merge {id: $id, at: datetime(), by: $user_id, reason: $reason, kept_id: $kept_id,
                 removed_id: $removed_id, moved: $moved, filled: keys($filled),
                 kept_version: $kept_version})
SET k += $filled, k.version = $kept_version + 1
RETURN m.id AS id
