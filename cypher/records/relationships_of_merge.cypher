// The relationships a merge moved to the kept record (marked with the merge's id), with
// their properties as they are now. Parameters: $person_id, $merge_id.
// Returns rows {rel, props}.
MATCH (:Person {id: $person_id})-[x]-()
WHERE x.merge_id = $merge_id AND type(x) <> 'MERGED_INTO'
RETURN elementId(x) AS rel, properties(x) AS props
