// Takes the child's write lock for the rest of the transaction, so that changes to one
// child's team happen one after another (two people making themselves lead at once end
// with exactly one lead). Parameters: $child_id. Returns {id} or no row.
MATCH (c:Child {id: $child_id})
SET c.team_version = coalesce(c.team_version, 0) + 1
RETURN c.id AS id
