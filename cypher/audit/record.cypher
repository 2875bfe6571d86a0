// Appends one audit event. Events are never updated or deleted through the product: no
// query in cypher/ sets or deletes an :AuditEvent. Ids only, never names or addresses.
// Parameters: $id, $action, $user_id, $target_id, $outcome, $reason. Returns {id}.
CREATE (e:AuditEvent {id: $id, at: datetime(), action: $action, user_id: $user_id,
                      target_id: $target_id, outcome: $outcome, reason: $reason})
RETURN e.id AS id
