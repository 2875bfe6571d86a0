// Import: one import's record. Parameters: $id. Returns {import: its properties}, or no row.
MATCH (i:Import {id: $id})
RETURN properties(i) AS import
