// Import: the directory's agencies, for the page's choice of whose list a file is.
// No parameters. Returns rows {id, name, type}.
MATCH (a:Agency)
RETURN a.id AS id, a.name AS name, a.type AS type
ORDER BY a.name
