// The node an exploration starts from, by its id, whatever its kind.
// Parameters: $id. Returns {element_id} or no row.
CALL {
  MATCH (n:Person {id: $id}) RETURN n UNION MATCH (n:Family {id: $id}) RETURN n
  UNION MATCH (n:Professional {id: $id}) RETURN n UNION MATCH (n:Agency {id: $id}) RETURN n
  UNION MATCH (n:Household {id: $id}) RETURN n
}
RETURN elementId(n) AS element_id LIMIT 1
