// The agencies as a form offers them: id and name, by name (no counts: a region has
// thousands of agencies, and counting each one's staff took most of a list page).
// Parameters: none. Returns rows {id, name}.
MATCH (a:Agency)
RETURN a.id AS id, a.name AS name
ORDER BY a.name
