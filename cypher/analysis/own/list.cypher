// An analyst's own saved queries, newest first. Parameters: $user_id.
// Returns rows {id, title, created_at}.
MATCH (q:SavedQuery {user_id: $user_id})
RETURN q.id AS id, q.title AS title, q.created_at AS created_at
ORDER BY q.created_at DESC
