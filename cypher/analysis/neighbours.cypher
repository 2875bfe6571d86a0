// One step of the neighbourhood explorer: the graph-model neighbours of the given nodes
// (by element id), at most $limit relationships. Parameters: $element_ids, $limit.
// Returns rows {source, target, type, props, node: {element_id, id, labels, props}}.
MATCH (n) WHERE elementId(n) IN $element_ids
MATCH (n)-[r:MEMBER_OF|LIVES_AT|PARENT_OF|PARTNER_OF|INVOLVED_WITH|WORKS_FOR|SUBJECT_OF]-(m)
WITH n, r, m LIMIT $limit
RETURN startNode(r).id AS source, endNode(r).id AS target, type(r) AS type,
       properties(r) AS props,
       {element_id: elementId(m), id: m.id, labels: labels(m), props: properties(m)} AS node
