// Import: the latest imports, newest first (see imports/record_import for what each holds).
// Parameters: $limit. Returns rows {import: the record's properties}.
MATCH (i:Import)
RETURN properties(i) AS import
ORDER BY i.started_at DESC
LIMIT $limit
