// One of an analyst's own saved queries. Parameters: $id, $user_id.
// Returns {title, text, params} or no row.
MATCH (q:SavedQuery {id: $id, user_id: $user_id})
RETURN q.title AS title, q.text AS text, q.params AS params
