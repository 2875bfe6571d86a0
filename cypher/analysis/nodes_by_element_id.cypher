// Nodes by element id, with their properties. Parameters: $element_ids.
// Returns rows {element_id, id, labels, props}.
MATCH (n) WHERE elementId(n) IN $element_ids
RETURN elementId(n) AS element_id, n.id AS id, labels(n) AS labels, properties(n) AS props
