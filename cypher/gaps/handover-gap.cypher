// Gap handover-gap: an involvement with a child ended (within $lookback_days), nobody took
// over in the same role within $days days, and nobody holds the role now.
// Severity: medium, high when the leaver was the lead (set by the app from facts.was_lead).
// Basis: serious case reviews: involvement ceased without a handover.
// Parameters: $family_id, $today, $days, $lookback_days.
// Returns rows {child_id, person_id: null, family_id, since, facts: {role, ended, was_lead, involvement_id,
// ended_reason}, subject_dob,
// subject_unborn}.
// The child's own involvements, filtered as a list: an existence subquery over them may be
// planned as a scan of an involvement index (role, `to`) for every child while the
// statistics lag behind a large import (seen: 20 s for cp-no-social-worker, not 0.1 s).
CALL {
  WITH $family_id AS only WHERE only IS NOT NULL
  MATCH (:Family {id: only})<-[:MEMBER_OF]-(c:Child)<-[i:INVOLVED_WITH]-(:Professional)
  WHERE i.`to` IS NOT NULL RETURN c, i
  UNION
  WITH $family_id AS only WHERE only IS NULL
  MATCH (c:Child)<-[i:INVOLVED_WITH]-(:Professional)
  WHERE i.`to` >= $today - duration({days: $lookback_days}) RETURN c, i
}
WITH c, i
WHERE i.`to` < $today + duration({days: 1})
  AND i.`to` >= $today - duration({days: $lookback_days})
  AND none(next IN [(c)<-[j:INVOLVED_WITH]-(:Professional) | j]
           WHERE next <> i AND next.role = i.role
             AND (next.`to` IS NULL
                  OR (next.`from` > i.`to` AND next.`from` <= i.`to` + duration({days: $days}))))
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS child_id, null AS person_id, min(f.id) AS family_id, i.`to` AS since,
       {role: i.role, ended: i.`to`, was_lead: coalesce(i.lead, false),
        involvement_id: i.id, ended_reason: i.ended_reason} AS facts,
       c.dob AS subject_dob, coalesce(c.unborn, false) AS subject_unborn
