// Keeps how many plans of each type have no end date, with a review date and without
// (PlanTally: `dated`, `plans`), for the list of children on plans to say how many it holds
// without reading every plan (at a million children, 58,000): run in the transaction of
// every change to a plan through the app, and for every plan after an import, after the
// nightly check and when the schema is applied. A plan's review is dated when it has a
// next_review, or is a child protection plan whose first review falls a set time after its
// initial conference (or start): as plans/dated and plans/undated list them. A plan carries
// `undated_type` (its type when undated, else null: the undated list is read through its
// index), `first_review_from` (a child protection plan with no next_review: the date its
// first review is counted from, through whose index the plans due by it are read in due
// order, whatever the months the gap rule counts), and `counted_as` and `dated_as` (its
// type while it has no end date, undated or dated: the count it is in; a plan with an end
// date still to come is counted at the time of reading, through the end date's index). A
// plan's counts move by one less where it leaves and one more where it joins, summed by type
// and applied in the order of the types (so that two changes at once lock them alike).
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
WITH p, p.counted_as AS was, p.dated_as AS was_dated,
     CASE WHEN p.type = 'CP' AND p.next_review IS NULL
          THEN coalesce(p.icpc_date, p.start) END AS first_from
WITH p, was, was_dated, first_from,
     CASE WHEN p.next_review IS NULL AND first_from IS NULL THEN p.type END AS undated
WITH p, was, was_dated, first_from, undated,
     CASE WHEN p.end IS NULL AND undated IS NOT NULL THEN undated END AS now,
     CASE WHEN p.end IS NULL AND undated IS NULL THEN p.type END AS now_dated
WHERE coalesce(was, '') <> coalesce(now, '')
   OR coalesce(was_dated, '') <> coalesce(now_dated, '')
   OR coalesce(p.undated_type, '') <> coalesce(undated, '')
   OR coalesce(toString(p.first_review_from), '') <> coalesce(toString(first_from), '')
SET p.undated_type = undated, p.first_review_from = first_from, p.counted_as = now,
    p.dated_as = now_dated
WITH collect([was, -1, 0]) + collect([now, 1, 0]) +
     collect([was_dated, 0, -1]) + collect([now_dated, 0, 1]) AS moves
UNWIND moves AS move
WITH move[0] AS type, sum(move[1]) AS undated, sum(move[2]) AS dated
WHERE type IS NOT NULL AND (undated <> 0 OR dated <> 0)
WITH type, undated, dated ORDER BY type
MERGE (t:PlanTally {type: type})
ON CREATE SET t.plans = 0, t.dated = 0
// (coalesce: a count kept before dated plans were counted starts from none)
SET t.plans = t.plans + undated, t.dated = coalesce(t.dated, 0) + dated
