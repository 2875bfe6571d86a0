// Keeps the gaps found now: each is opened (first seen now) or brought up to date (reopened
// if it had been resolved), with what the dashboard filters and sorts by, so that the
// dashboard reads the state instead of running the rules. A gap found again unchanged is
// not sent here (its fingerprint says so: gap_state/open_fingerprints), so it is left
// exactly as it was, `updated_at` included. What it changes in the kept counts is returned
// for gap_state/count_moves, run next in the same transaction.
// An open gap carries two indexed texts the dashboard reads through their indexes:
// `open_order` (severity rank, since, key), the order it pages in, so that no sort runs
// (and `rule_order`, `agency_order`, `band_order`: the same after its rule, agency type or
// age band, the order a page filtered by one of them is read in, from its first gap to its
// last); `open_tally` (rule|severity|sensitive|agency type|age band|reviewed or
// to_follow), what it is counted under (gap_state/count_moves; gap_reviews/record keeps
// the tally's last part up to date); and one followed up,
// `reviewed_order` too (the same order, for the list of those followed up).
// `age_band` is the subject's as of this check (adult, unborn, 0-4, 5-10, 11-15, 16-17; null
// if not known): a birthday moves a gap to its new band at the next check (the band is in
// the fingerprint), at the latest the nightly check of the whole area.
// Parameters: $gaps, a list of {key, rule, title, severity, rank, child_id, person_id,
// family_id, subject_id, since, facts (JSON text), agency_type, sensitive, subject_kind,
// subject_dob, subject_unborn, age_band, fingerprint}. Returns one row {moves}: a list of
// [family_id, tally, -1 or 1], the tally and family each gap left or joined.
UNWIND $gaps AS g
MERGE (s:GapState {key: g.key})
ON CREATE SET s.first_seen = datetime()
WITH g, s, s.open_tally AS was, s.family_id AS was_family,
     toString(g.rank) + '|' + coalesce(toString(g.since), '9999-12-31') + '|' + g.key AS order
SET s.rule = g.rule, s.title = g.title, s.severity = g.severity, s.rank = g.rank,
    s.child_id = g.child_id, s.person_id = g.person_id, s.family_id = g.family_id,
    s.subject_id = g.subject_id, s.since = g.since, s.facts = g.facts,
    s.agency_type = g.agency_type, s.sensitive = g.sensitive, s.subject_kind = g.subject_kind,
    s.subject_dob = g.subject_dob, s.subject_unborn = g.subject_unborn, s.age_band = g.age_band,
    s.fingerprint = g.fingerprint, s.updated_at = datetime(),
    s.resolved_at = null, s.open = true,
    s.open_order = order, s.rule_order = g.rule + '|' + order,
    s.agency_order = coalesce(g.agency_type, '') + '|' + order,
    s.band_order = coalesce(g.age_band, '') + '|' + order,
    s.open_tally = g.rule + '|' + g.severity + '|' + toString(g.sensitive) + '|' +
                   coalesce(g.agency_type, '') + '|' + coalesce(g.age_band, '') +
                   CASE WHEN s.review_status IS NULL THEN '|to_follow' ELSE '|reviewed' END
FOREACH (_ IN CASE WHEN s.review_status IS NOT NULL THEN [1] ELSE [] END |
  SET s.reviewed_order = s.open_order)
WITH s, was, was_family
UNWIND CASE WHEN was IS NULL THEN [[s.family_id, s.open_tally, 1]]
            WHEN was <> s.open_tally OR coalesce(was_family, '') <> coalesce(s.family_id, '')
            THEN [[was_family, was, -1], [s.family_id, s.open_tally, 1]]
            ELSE [] END AS move
RETURN collect(move) AS moves
