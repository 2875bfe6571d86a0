// Records two adults as partners, or changes their status and dates when a partner link
// between them is there already (one link per couple, dated: separated or divorced
// partners keep theirs with its end date). Parameters: $person_id, $other_id, $status,
// $since, $until, $user_id. Returns {created} or no row when either is not an adult.
MATCH (a:Adult {id: $person_id}), (b:Adult {id: $other_id})
OPTIONAL MATCH (a)-[old:PARTNER_OF]-(b)
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (a)-[:PARTNER_OF {status: $status, `from`: $since, `to`: $until,
                           recorded_by: $user_id}]->(b))
FOREACH (r IN CASE WHEN old IS NULL THEN [] ELSE [old] END |
  SET r.status = $status, r.`from` = coalesce($since, r.`from`), r.`to` = $until,
      r.changed_by = $user_id)
RETURN old IS NULL AS created
