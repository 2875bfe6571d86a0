// Gives the open gaps kept by an earlier version their place in the dashboard's orders and
// counts (see gap_state/save): those without a band_order (an age band kept on the gap),
// or whose open_tally is not yet of six parts (the last saying whether they were followed
// up), or followed up with no reviewed_order. The band is worked out here as the age-band
// rules do (whole years today). Touches only those, 10,000 a transaction (a region's
// million gaps would not fit one): a no-op once done.
MATCH (s:GapState {open: true})
WHERE s.open_order IS NULL OR s.band_order IS NULL
   OR size(split(coalesce(s.open_tally, ''), '|')) <> 6
   OR (s.review_status IS NOT NULL AND s.reviewed_order IS NULL)
CALL (s) {
  WITH CASE
    WHEN s.subject_kind = 'adult' THEN 'adult'
    WHEN s.subject_kind = 'child' AND s.subject_unborn THEN 'unborn'
    WHEN s.subject_kind = 'child' AND s.subject_dob IS NOT NULL THEN
      CASE WHEN duration.between(s.subject_dob, date()).years <= 4 THEN '0-4'
           WHEN duration.between(s.subject_dob, date()).years <= 10 THEN '5-10'
           WHEN duration.between(s.subject_dob, date()).years <= 15 THEN '11-15'
           ELSE '16-17' END
  END AS band
  SET s.open_order = toString(s.rank) + '|' + coalesce(toString(s.since), '9999-12-31') + '|' + s.key,
      s.age_band = band,
      s.open_tally = s.rule + '|' + s.severity + '|' + toString(s.sensitive) + '|' +
                     coalesce(s.agency_type, '') + '|' + coalesce(band, '') +
                     CASE WHEN s.review_status IS NULL THEN '|to_follow' ELSE '|reviewed' END
  REMOVE s.open_dob
  SET s.reviewed_order = CASE WHEN s.review_status IS NOT NULL THEN s.open_order END,
      s.rule_order = s.rule + '|' + s.open_order,
      s.agency_order = coalesce(s.agency_type, '') + '|' + s.open_order,
      s.band_order = coalesce(band, '') + '|' + s.open_order
} IN TRANSACTIONS OF 10000 ROWS
