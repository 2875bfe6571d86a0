// When the whole area was last checked. No parameters. Returns rows {at, gaps}.
MATCH (r:GapRun {id: 'area'})
RETURN r.at AS at, r.gaps AS gaps
