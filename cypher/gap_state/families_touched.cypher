// The families a change may have altered the gaps of, from the ids it names: a family, a
// person (families they belong or belonged to), a professional (families of the people
// they work or worked with). Parameters: $ids. Returns rows {family_id}.
UNWIND $ids AS id
CALL (id) {
  MATCH (f:Family {id: id}) RETURN f.id AS family_id
  UNION
  MATCH (:Person {id: id})-[:MEMBER_OF|WAS_MEMBER_OF]->(f:Family) RETURN f.id AS family_id
  UNION
  MATCH (:Professional {id: id})-[:INVOLVED_WITH]->(:Person)-[:MEMBER_OF]->(f:Family)
  RETURN f.id AS family_id
}
RETURN DISTINCT family_id
