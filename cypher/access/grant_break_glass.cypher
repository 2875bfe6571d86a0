// Grants a user time-limited access to a family they have no relationship with, for a
// stated reason (break-glass). Parameters: $grant_id, $user_id, $family_id, $reason, $hours.
// Returns {expires_at}, or no row when the user or family does not exist.
MATCH (u:User {id: $user_id})
MATCH (f:Family {id: $family_id})
CREATE (u)-[g:BREAK_GLASS {id: $grant_id, reason: $reason, at: datetime(),
                           expires_at: datetime() + duration({hours: $hours})}]->(f)
RETURN g.expires_at AS expires_at
