// Import: the agency an agency list belongs to. Parameters: $id. Returns {id, name, type}
// or no row.
MATCH (a:Agency {id: $id})
RETURN a.id AS id, a.name AS name, a.type AS type
