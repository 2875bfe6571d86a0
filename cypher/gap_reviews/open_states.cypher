// Notes the gaps found now (first seen once, last seen every time), so that a gap that
// disappears can be shown as resolved. Parameters: $gaps, a list of {key, rule, family_id,
// subject_id}. Returns nothing.
UNWIND $gaps AS g
MERGE (s:GapState {key: g.key})
ON CREATE SET s.rule = g.rule, s.family_id = g.family_id, s.subject_id = g.subject_id,
              s.first_seen = datetime()
SET s.last_seen = datetime(), s.resolved_at = null
