// One open gap by its key. Parameters: $key. Returns rows {gap} (properties).
MATCH (s:GapState {key: $key, open: true})
RETURN properties(s) AS gap
