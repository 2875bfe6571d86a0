// Records a coordinator's follow-up of a gap: acknowledged (who acts, by when, a note) or
// not applicable (a reason). Reviews are kept, the newest counts; the gap's state says it
// has been followed up (the dashboard lists it apart).
// Parameters: $id, $key, $rule, $family_id, $status, $who_acts, $by_date, $note, $user_id,
// $assigned_to (the account given the gap to act on, or null). Returns {id}.
CREATE (r:GapReview {id: $id, key: $key, rule: $rule, family_id: $family_id, status: $status,
                     who_acts: $who_acts, by_date: $by_date, note: $note, user_id: $user_id,
                     assigned_to: $assigned_to, at: datetime()})
WITH r
MATCH (s:GapState {key: $key})
WITH r, s, s.open_tally AS was
SET s.review_status = $status,
    s.open_tally = CASE WHEN s.open THEN replace(s.open_tally, '|to_follow', '|reviewed') END,
    s.reviewed_order = s.open_order
// The gap moves from its tally's "to follow" count to its "reviewed" one (gap_state/count_moves).
WITH r, was, s.open_tally AS now
CALL (was, now) {
  WITH was, now WHERE was <> now
  MATCH (gone:GapTally {key: was})
  SET gone.gaps = gone.gaps - 1
  MERGE (came:GapTally {key: now})
  ON CREATE SET came.gaps = 0
  SET came.gaps = came.gaps + 1
}
RETURN r.id AS id
