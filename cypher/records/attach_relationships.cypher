// Creates relationships of a person with the given types, directions, other nodes and
// properties (a merge moving them to the kept person, or its undo putting them back).
// Parameters: $person_id, $rows: [{type, outgoing, other (element id), props}].
// Returns {created}.
MATCH (p:Person {id: $person_id})
UNWIND $rows AS row
MATCH (o) WHERE elementId(o) = row.other
CALL (p, o, row) {
  WITH p, o, row WHERE row.outgoing
  CREATE (p)-[x:$(row.type)]->(o)
  SET x = row.props
  RETURN x
  UNION
  WITH p, o, row WHERE NOT row.outgoing
  CREATE (o)-[x:$(row.type)]->(p)
  SET x = row.props
  RETURN x
}
RETURN count(x) AS created
