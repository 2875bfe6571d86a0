// Revokes tokens: one (with $token_id) or all of a user's (with $token_id null).
// Parameters: $user_id, $token_id. Returns {revoked} (how many).
MATCH (t:ApiToken {user_id: $user_id})
WHERE t.revoked_at IS NULL AND ($token_id IS NULL OR t.id = $token_id)
SET t.revoked_at = datetime()
RETURN count(t) AS revoked
