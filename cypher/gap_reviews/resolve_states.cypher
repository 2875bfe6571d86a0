// Marks as resolved the gaps that were open and are no longer found.
// Parameters: $keys (every gap found now). Returns {resolved}.
MATCH (s:GapState) WHERE s.resolved_at IS NULL AND NOT s.key IN $keys
SET s.resolved_at = datetime()
RETURN count(s) AS resolved
