// Indexes beyond the id constraints: name search, and the
// properties the gap rules and the access rule select on. Idempotent; no parameters.
// Full-text search over people's names (search tolerates typos with fuzzy terms `name~`).
CREATE FULLTEXT INDEX person_names IF NOT EXISTS
  FOR (n:Person) ON EACH [n.given_name, n.family_name]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE INDEX person_dob IF NOT EXISTS FOR (n:Person) ON (n.dob);
CREATE INDEX plan_type IF NOT EXISTS FOR (n:Plan) ON (n.type);
// The children on plans are listed by review date: the plans that have one are found by it.
CREATE INDEX plan_next_review IF NOT EXISTS FOR (n:Plan) ON (n.next_review);
// A child protection plan with none yet, by the date its first review is counted from; those
// with none through these: kept (plans/count_plans), and with an end to come.
CREATE INDEX plan_first_review_from IF NOT EXISTS FOR (n:Plan) ON (n.first_review_from);
CREATE INDEX plan_undated_type IF NOT EXISTS FOR (n:Plan) ON (n.undated_type);
// What a plan is counted under is read only with the plan: no index (an earlier version's
// are dropped).
DROP INDEX plan_counted_as IF EXISTS;
DROP INDEX plan_dated_as IF EXISTS;
CREATE INDEX plan_end IF NOT EXISTS FOR (n:Plan) ON (n.end);
CREATE INDEX agency_type IF NOT EXISTS FOR (n:Agency) ON (n.type);
CREATE INDEX involvement_role IF NOT EXISTS FOR ()-[r:INVOLVED_WITH]-() ON (r.role);
CREATE INDEX activity_professional IF NOT EXISTS FOR (n:Activity) ON (n.professional_id);
CREATE INDEX activity_at IF NOT EXISTS FOR (n:Activity) ON (n.at);
CREATE INDEX gap_review_key IF NOT EXISTS FOR (n:GapReview) ON (n.key);
CREATE INDEX gap_state_resolved IF NOT EXISTS FOR (n:GapState) ON (n.resolved_at);
CREATE INDEX involvement_to IF NOT EXISTS FOR ()-[r:INVOLVED_WITH]-() ON (r.`to`);
// What an import ends is what its source gave before: looked up by source.
CREATE INDEX plan_source IF NOT EXISTS FOR (n:Plan) ON (n.source);
CREATE INDEX involvement_source IF NOT EXISTS FOR ()-[r:INVOLVED_WITH]-() ON (r.source);
CREATE INDEX person_nhs_number IF NOT EXISTS FOR (n:Person) ON (n.nhs_number);
CREATE INDEX import_started_at IF NOT EXISTS FOR (n:Import) ON (n.started_at);
// A person's page lists the merges that kept their record.
CREATE INDEX merge_kept IF NOT EXISTS FOR (n:Merge) ON (n.kept_id);
// The gaps dashboard reads the open gap states; a family's check resolves its own.
CREATE INDEX gap_state_open IF NOT EXISTS FOR (n:GapState) ON (n.open);
CREATE INDEX gap_state_family IF NOT EXISTS FOR (n:GapState) ON (n.family_id);
// The list of families pages through them in name order, then id (many share a name: at a
// million children, a first page read the 1,000 of its first name to sort them by id).
CREATE INDEX family_name_id IF NOT EXISTS FOR (n:Family) ON (n.name, n.id);
// The dashboard pages through open gaps in this index's order (most severe, then oldest)
// and counts them by rule and severity from the other alone.
CREATE INDEX gap_state_open_order IF NOT EXISTS FOR (n:GapState) ON (n.open_order);
// A page filtered by rule, agency type or age band is read in its own order (gap_state/save).
CREATE INDEX gap_state_rule_order IF NOT EXISTS FOR (n:GapState) ON (n.rule_order);
CREATE INDEX gap_state_agency_order IF NOT EXISTS FOR (n:GapState) ON (n.agency_order);
CREATE INDEX gap_state_band_order IF NOT EXISTS FOR (n:GapState) ON (n.band_order);
CREATE INDEX gap_state_open_tally IF NOT EXISTS FOR (n:GapState) ON (n.open_tally);
// The coordinator's home reads the families with the most severe gaps from the top of these.
CREATE INDEX family_gaps_rank IF NOT EXISTS FOR (n:FamilyGaps) ON (n.rank);
CREATE INDEX family_gaps_rank_plain IF NOT EXISTS FOR (n:FamilyGaps) ON (n.rank_plain);
// The list of gaps followed up reads only those, in the same order.
CREATE INDEX gap_state_reviewed_order IF NOT EXISTS FOR (n:GapState) ON (n.reviewed_order);
