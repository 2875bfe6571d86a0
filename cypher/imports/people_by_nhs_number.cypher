// Import: people already known by these NHS numbers (a number held by more than one person
// is left out: that is for a person to decide, not an import). Parameters: $numbers.
// Returns rows {nhs_number, id, kind}.
UNWIND $numbers AS number
MATCH (p:Person {nhs_number: number})
WITH number, collect(p) AS people
WHERE size(people) = 1
WITH number, people[0] AS p
RETURN number AS nhs_number, p.id AS id, CASE WHEN p:Child THEN 'Child' ELSE 'Adult' END AS kind
