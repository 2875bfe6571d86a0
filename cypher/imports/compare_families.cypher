// Import: compares what an import holds for these Family nodes with the graph, on the server,
// and sends back only what differs. Parameters: $rows, a list of {id, props: the
// values the import holds, fill: whether it may only fill in what is missing}. Returns one
// row: `missing` (keys not in the graph), `changed` (keys whose values differ), `filled`
// ([key, the properties it already has] for `fill` rows found). A key is the id.
// A record recorded or corrected in the app (it has a `version`) is only filled in: a
// return never overwrites what people recorded.
UNWIND $rows AS row
OPTIONAL MATCH (n:Family {id: row.id})
WITH row, n, row.fill OR n.version IS NOT NULL AS fill
WHERE n IS NULL OR fill OR NOT all(k IN keys(row.props) WHERE n[k] = row.props[k])
RETURN collect(CASE WHEN n IS NULL THEN row.id END) AS missing,
       collect(CASE WHEN n IS NOT NULL AND NOT fill THEN row.id END) AS changed,
       collect(CASE WHEN n IS NOT NULL AND fill THEN [row.id, keys(n)] END) AS filled
