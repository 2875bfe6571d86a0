// The newest review of each of these gaps. Parameters: $keys.
// Returns rows {key, status, who_acts, by_date, note, at, user_id}.
MATCH (r:GapReview) WHERE r.key IN $keys
WITH r ORDER BY r.at DESC
WITH r.key AS key, collect(r)[0] AS r
RETURN key, r.status AS status, r.who_acts AS who_acts, r.by_date AS by_date, r.note AS note,
       r.at AS at, r.user_id AS user_id
