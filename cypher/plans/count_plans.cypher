// Keeps how many plans have no review date, by type (PlanTally), for the list of children
// on plans to say how many it holds without reading every such plan (at a million
// children, 52,000 of 58,000): run in the transaction of every change to a plan through
// the app, and for every plan after an import, after the nightly check and when the schema
// is applied. A plan has no review date when it has no next_review and is not a child
// protection plan whose first review falls a set time after its initial conference (or
// start): as plans/dated and plans/undated list them. It carries `undated_type` (its type
// then, else null: the undated list is read through its index) and `counted_as` (the
// same while the plan has no end: what it is counted under; a plan with an end date still
// to come is counted at the time of reading, through the end date's index). A plan's
// count moves by one less where it leaves and one more where it joins, summed by type and
// applied in the order of the types (so that two changes at once lock them alike).
// Parameters: $ids (plan ids, or null for every plan). Returns nothing.
CALL () {
  WITH $ids AS only WHERE only IS NOT NULL
  UNWIND only AS id
  MATCH (p:Plan {id: id})
  RETURN p
  UNION
  WITH $ids AS only WHERE only IS NULL
  MATCH (p:Plan)
  RETURN p
}
WITH p, p.counted_as AS was,
     CASE WHEN p.next_review IS NULL
               AND NOT (p.type = 'CP' AND coalesce(p.icpc_date, p.start) IS NOT NULL)
          THEN p.type END AS undated
WITH p, was, undated, CASE WHEN p.end IS NULL THEN undated END AS now
WHERE coalesce(was, '') <> coalesce(now, '')
   OR coalesce(p.undated_type, '') <> coalesce(undated, '')
SET p.undated_type = undated, p.counted_as = now
WITH collect([was, -1]) + collect([now, 1]) AS moves
UNWIND moves AS move
WITH move[0] AS type, sum(move[1]) AS delta
WHERE type IS NOT NULL AND delta <> 0
WITH type, delta ORDER BY type
MERGE (t:PlanTally {type: type})
ON CREATE SET t.plans = 0
SET t.plans = t.plans + delta
