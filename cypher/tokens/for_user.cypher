// A user's API tokens, newest first. Parameters: $user_id.
// Returns rows {id, name, created_at, last_used_at, revoked_at}.
MATCH (t:ApiToken {user_id: $user_id})
RETURN t.id AS id, t.name AS name, t.created_at AS created_at, t.last_used_at AS last_used_at,
       t.revoked_at AS revoked_at
ORDER BY t.created_at DESC
