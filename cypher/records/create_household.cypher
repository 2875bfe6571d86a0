// Records a new household at an address. Parameters: $id, $address, $postcode, $user_id.
// Returns {id}.
CREATE (h:Household {id: $id, address: $address, postcode: $postcode, version: 1,
                     recorded_by: $user_id, recorded_at: datetime()})
RETURN h.id AS id
