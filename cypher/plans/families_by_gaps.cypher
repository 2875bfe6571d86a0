// The families with the most severe open gaps (as last checked): most high, then medium,
// then low, of those this user may see, from the top of the index of the counts kept for
// each family (FamilyGaps, see gap_state/count_moves): `rank` counts every gap, for those
// who see sensitive services, `rank_plain` the gaps that are not sensitive. Only the
// families listed are read, however large the area.
// Parameters: $sees_sensitive, $limit. Returns rows {family_id, name, high, medium, low}.
CALL () {
  WITH 1 AS sees WHERE $sees_sensitive
  MATCH (c:FamilyGaps)
  WHERE c.rank IS NOT NULL
  WITH c ORDER BY c.rank DESC, c.family_id LIMIT $limit
  RETURN c.family_id AS family_id, c.high AS high, c.medium AS medium, c.low AS low
  UNION
  WITH 1 AS sees WHERE NOT $sees_sensitive
  MATCH (c:FamilyGaps)
  WHERE c.rank_plain IS NOT NULL
  WITH c ORDER BY c.rank_plain DESC, c.family_id LIMIT $limit
  RETURN c.family_id AS family_id, c.high_plain AS high, c.medium_plain AS medium,
         c.low_plain AS low
}
MATCH (f:Family {id: family_id})
RETURN family_id, f.name AS name, high, medium, low
ORDER BY high DESC, medium DESC, low DESC, family_id
