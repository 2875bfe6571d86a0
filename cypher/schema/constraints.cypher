// Uniqueness of `id` for every label of the graph model (docs/domain.md), and of the keys
// of the app's own graph records (activity, gap states and reviews). Accounts, sessions
// and the audit trail are not in the graph (see the app's store).
// Each statement is idempotent (IF NOT EXISTS) and is applied at start. No parameters.
// A uniqueness constraint also gives an index on the property, so look-ups by id are fast.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT child_id IF NOT EXISTS FOR (n:Child) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT adult_id IF NOT EXISTS FOR (n:Adult) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT family_id IF NOT EXISTS FOR (n:Family) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT household_id IF NOT EXISTS FOR (n:Household) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT professional_id IF NOT EXISTS FOR (n:Professional) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT plan_id IF NOT EXISTS FOR (n:Plan) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT activity_id IF NOT EXISTS FOR (n:Activity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT gap_state_key IF NOT EXISTS FOR (n:GapState) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT gap_review_id IF NOT EXISTS FOR (n:GapReview) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT gap_run_id IF NOT EXISTS FOR (n:GapRun) REQUIRE n.id IS UNIQUE;
// Team changes name an involvement by its id: unique, and looked up through the index the
// constraint brings.
CREATE CONSTRAINT involvement_id IF NOT EXISTS FOR ()-[r:INVOLVED_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT import_id IF NOT EXISTS FOR (n:Import) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT import_lock_id IF NOT EXISTS FOR (n:ImportLock) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT merge_id IF NOT EXISTS FOR (n:Merge) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT duplicate_pair_key IF NOT EXISTS FOR (n:DuplicatePair) REQUIRE n.key IS UNIQUE;
// The dashboard's counts, one node per tally of open gaps, and the coordinator's home's,
// one per family with open gaps (see gap_state/count_moves).
CREATE CONSTRAINT gap_tally_key IF NOT EXISTS FOR (n:GapTally) REQUIRE n.key IS UNIQUE;
// How many plans have no review date, by type (see plans/count_plans).
CREATE CONSTRAINT plan_tally_type IF NOT EXISTS FOR (n:PlanTally) REQUIRE n.type IS UNIQUE;
CREATE CONSTRAINT family_gaps_family IF NOT EXISTS FOR (n:FamilyGaps) REQUIRE n.family_id IS UNIQUE;
