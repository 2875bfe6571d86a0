// Saves an analyst's own console query. Parameters: $id, $user_id, $title, $text, $params.
// Returns {id}.
CREATE (q:SavedQuery {id: $id, user_id: $user_id, title: $title, text: $text, params: $params,
                      created_at: datetime()})
RETURN q.id AS id
