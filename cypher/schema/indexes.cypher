// Indexes beyond the id constraints: name search, and the
// properties the gap rules and the access rule select on. Idempotent; no parameters.
// Full-text search over people's names (search tolerates typos with fuzzy terms `name~`).
CREATE FULLTEXT INDEX person_names IF NOT EXISTS
  FOR (n:Person) ON EACH [n.given_name, n.family_name]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE INDEX person_dob IF NOT EXISTS FOR (n:Person) ON (n.dob);
CREATE INDEX plan_type IF NOT EXISTS FOR (n:Plan) ON (n.type);
CREATE INDEX agency_type IF NOT EXISTS FOR (n:Agency) ON (n.type);
CREATE INDEX involvement_role IF NOT EXISTS FOR ()-[r:INVOLVED_WITH]-() ON (r.role);
CREATE INDEX activity_professional IF NOT EXISTS FOR (n:Activity) ON (n.professional_id);
CREATE INDEX activity_at IF NOT EXISTS FOR (n:Activity) ON (n.at);
CREATE INDEX gap_review_key IF NOT EXISTS FOR (n:GapReview) ON (n.key);
CREATE INDEX gap_state_resolved IF NOT EXISTS FOR (n:GapState) ON (n.resolved_at);
CREATE INDEX involvement_to IF NOT EXISTS FOR ()-[r:INVOLVED_WITH]-() ON (r.`to`);
