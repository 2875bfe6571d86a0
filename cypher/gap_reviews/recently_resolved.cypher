// Gaps resolved within the last $days days, newest first. Parameters: $days, $limit.
// Returns rows {key, rule, family_id, subject_id, first_seen, resolved_at}.
MATCH (s:GapState) WHERE s.resolved_at >= datetime() - duration({days: $days})
RETURN s.key AS key, s.rule AS rule, s.family_id AS family_id, s.subject_id AS subject_id,
       s.first_seen AS first_seen, s.resolved_at AS resolved_at
ORDER BY s.resolved_at DESC LIMIT $limit
