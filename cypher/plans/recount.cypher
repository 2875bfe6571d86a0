// Counts afresh the plans with no end date of each type, with no review date and with one
// (PlanTally, see plans/count_plans), after plans/count_plans has been run for every plan:
// so that a count never stays wrong past a night, whatever was written behind the app's
// back. Every count is locked first, so that a change to a plan running at the same time waits, then moves
// the count made here (or, if it got there first, is counted here).
// Parameters: none. Returns nothing.
OPTIONAL MATCH (t:PlanTally)
SET t._lock = true
REMOVE t._lock
WITH count(t) AS locked
// Every count set to none, then each type's counted from one reading of the plans (a type
// with no plan left stays at none; one not counted before gets its count).
CALL () {
  MATCH (t:PlanTally)
  SET t.plans = 0, t.dated = 0
}
MATCH (p:Plan)
WHERE p.counted_as IS NOT NULL OR p.dated_as IS NOT NULL
WITH coalesce(p.counted_as, p.dated_as) AS type, count(p.counted_as) AS plans,
     count(p.dated_as) AS dated ORDER BY type
MERGE (t:PlanTally {type: type})
SET t.plans = plans, t.dated = dated
