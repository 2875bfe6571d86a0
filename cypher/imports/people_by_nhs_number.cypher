// Import: known people who hold these NHS numbers under another id than the import's
// (a number held by more than one person is left out: that is for a person to decide, not
// an import; a record merged into another does not count). Parameters: $rows, a list of {number, id}. Returns one row: `matches`, a list
// of [number, known id, 'Child' or 'Adult'].
UNWIND $rows AS row
MATCH (p:Person {nhs_number: row.number})
WHERE NOT EXISTS { (p)-[:MERGED_INTO]->() }
WITH row, collect(p) AS people
WHERE size(people) = 1 AND people[0].id <> row.id
WITH row, people[0] AS p
RETURN collect([row.number, p.id, CASE WHEN p:Child THEN 'Child' ELSE 'Adult' END]) AS matches
