// Team activity whose alerts are in the outbox: no longer pending.
// Parameters: $ids. Returns {taken}.
UNWIND $ids AS id
MATCH (a:Activity {id: id}) WHERE a:AlertPending
REMOVE a:AlertPending
RETURN count(a) AS taken
