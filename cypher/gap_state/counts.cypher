// Open gaps by rule and severity, of those this user may see.
// Parameters: $sees_sensitive. Returns rows {rule, severity, gaps}.
MATCH (s:GapState {open: true})
WHERE $sees_sensitive OR NOT s.sensitive
RETURN s.rule AS rule, s.severity AS severity, count(*) AS gaps
