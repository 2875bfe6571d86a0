// Adds a professional working for an agency. Parameters: $id, $agency_id, $values, $user_id.
// Returns {id} or no row when there is no such agency.
MATCH (a:Agency {id: $agency_id})
CREATE (p:Professional {id: $id})-[:WORKS_FOR {`from`: date()}]->(a)
SET p += $values, p.version = 1, p.recorded_by = $user_id, p.recorded_at = datetime()
RETURN p.id AS id
