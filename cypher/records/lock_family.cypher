// Takes a family's write lock for the rest of the transaction (the documented pattern:
// set and remove a property), so that changes to one family's members happen one after
// another. Parameters: $family_id. Returns {id} or no row.
MATCH (f:Family {id: $family_id})
SET f._lock = true
REMOVE f._lock
RETURN f.id AS id
