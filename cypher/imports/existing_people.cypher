// Import: the Person nodes among these ids, with their properties, to compare with what
// an import holds. Parameters: $ids. Returns rows {id, props}.
UNWIND $ids AS id
MATCH (n:Person {id: id})
RETURN n.id AS id, properties(n) AS props
