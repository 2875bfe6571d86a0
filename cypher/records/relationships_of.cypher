// Every relationship of a person but the records of merge decisions (MERGED_INTO,
// NOT_SAME_AS), as a merge moves them: type, direction, the other node (by element id, as
// not every node kind is keyed the same way) and the properties.
// Parameters: $person_id. Returns rows {rel, type, outgoing, other, other_id, role, props}.
MATCH (p:Person {id: $person_id})-[x]-(o)
WHERE NOT type(x) IN ['MERGED_INTO', 'NOT_SAME_AS']
RETURN elementId(x) AS rel, type(x) AS type, startNode(x) = p AS outgoing,
       elementId(o) AS other, o.id AS other_id, x.role AS role, properties(x) AS props
