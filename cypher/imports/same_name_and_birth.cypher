// Import: known people who share a new person's date of birth and name (compared in lower
// case): possible duplicates, kept apart for a person to decide. Parameters: $rows, a list
// of {id, dob, given, family}. Returns rows {id, other}.
UNWIND $rows AS row
MATCH (q:Person {dob: row.dob})
WHERE q.id <> row.id AND toLower(q.family_name) = row.family
  AND toLower(q.given_name) = row.given
RETURN row.id AS id, q.id AS other
