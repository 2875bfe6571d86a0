// Notes that a user has seen their activity up to now. Parameters: $user_id. Returns nothing.
MATCH (u:User {id: $user_id})
SET u.activity_seen_at = datetime()
