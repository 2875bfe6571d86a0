// Counts afresh the plans with no review date of each type (PlanTally, see
// plans/count_plans), after plans/count_plans has been run for every plan: so that a count
// never stays wrong past a night, whatever was written behind the app's back. Every count
// is locked first, so that a change to a plan running at the same time waits, then moves
// the count made here (or, if it got there first, is counted here).
// Parameters: none. Returns nothing.
OPTIONAL MATCH (t:PlanTally)
SET t._lock = true
REMOVE t._lock
WITH count(t) AS locked
CALL () {
  MATCH (t:PlanTally)
  SET t.plans = COUNT { (p:Plan {counted_as: t.type}) }
}
MATCH (p:Plan)
WHERE p.counted_as IS NOT NULL
WITH p.counted_as AS type, count(*) AS plans ORDER BY type
MERGE (t:PlanTally {type: type})
SET t.plans = plans
