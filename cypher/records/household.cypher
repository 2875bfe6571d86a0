// Whether a household is recorded. Parameters: $household_id. Returns {id} or no row.
MATCH (h:Household {id: $household_id})
RETURN h.id AS id
