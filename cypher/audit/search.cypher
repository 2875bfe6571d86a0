// The audit trail, newest first, filtered by any of user, action, outcome, target and a
// date range (each filter null to ignore), a page at a time.
// Parameters: $user_id, $action, $outcome, $target_id, $since (date), $until (date),
// $skip, $limit. Returns rows {id, at, action, user_id, user_email, target_id, outcome, reason}.
MATCH (e:AuditEvent)
WHERE ($user_id IS NULL OR e.user_id = $user_id)
  AND ($action IS NULL OR e.action = $action)
  AND ($outcome IS NULL OR e.outcome = $outcome)
  AND ($target_id IS NULL OR e.target_id = $target_id)
  AND ($since IS NULL OR e.at >= datetime({date: $since}))
  AND ($until IS NULL OR e.at < datetime({date: $until}) + duration({days: 1}))
WITH e ORDER BY e.at DESC SKIP $skip LIMIT $limit
OPTIONAL MATCH (u:User {id: e.user_id})
RETURN e.id AS id, e.at AS at, e.action AS action, e.user_id AS user_id,
       u.email AS user_email, e.target_id AS target_id, e.outcome AS outcome, e.reason AS reason
