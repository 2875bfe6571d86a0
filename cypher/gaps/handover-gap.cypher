// Gap handover-gap: an involvement with a child ended (within $lookback_days), nobody took
// over in the same role within $days days, and nobody holds the role now.
// Severity: medium, high when the leaver was the lead (set by the app from facts.was_lead).
// Basis: serious case reviews: involvement ceased without a handover.
// Parameters: $family_id, $today, $days, $lookback_days.
// Returns rows {child_id, family_id, since, facts: {role, ended, was_lead, involvement_id,
// ended_reason}}.
MATCH (leaver:Professional)-[i:INVOLVED_WITH]->(c:Child)
WHERE i.`to` IS NOT NULL AND i.`to` < $today + duration({days: 1})
  AND i.`to` >= $today - duration({days: $lookback_days})
  AND ($family_id IS NULL OR EXISTS { (c)-[:MEMBER_OF]->(:Family {id: $family_id}) })
  AND NOT EXISTS {
    MATCH (:Professional)-[next:INVOLVED_WITH {role: i.role}]->(c)
    WHERE next <> i
      AND (next.`to` IS NULL
           OR (next.`from` > i.`to` AND next.`from` <= i.`to` + duration({days: $days})))
  }
OPTIONAL MATCH (c)-[:MEMBER_OF]->(f:Family)
RETURN c.id AS child_id, min(f.id) AS family_id, i.`to` AS since,
       {role: i.role, ended: i.`to`, was_lead: coalesce(i.lead, false),
        involvement_id: i.id, ended_reason: i.ended_reason} AS facts
