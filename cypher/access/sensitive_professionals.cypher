// Of the given professionals, those of a sensitive service: marked `sensitive_role`, or
// working for an agency of a sensitive type (the terms come from app/access.py).
// Parameters: $ids, $sensitive_agency_types. Returns rows {id}.
MATCH (p:Professional) WHERE p.id IN $ids
  AND (coalesce(p.sensitive_role, false)
       OR EXISTS { (p)-[:WORKS_FOR]->(a:Agency) WHERE a.type IN $sensitive_agency_types })
RETURN p.id AS id
