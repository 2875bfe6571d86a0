// Bench only: a professional of the area with ongoing involvements with at least $min
// children, and those involvements (a practitioner's own caseload).
// Parameters: $prefix, $min. Returns one row {professional_id, involvements: [{child_id,
// involvement_id}]} or none.
MATCH (p:Professional)-[i:INVOLVED_WITH]->(c:Child)
WHERE p.id STARTS WITH $prefix AND i.`to` IS NULL AND i.id IS NOT NULL
WITH p, collect({child_id: c.id, involvement_id: i.id}) AS involvements
WHERE size(involvements) >= $min
RETURN p.id AS professional_id, involvements
ORDER BY p.id LIMIT 1
