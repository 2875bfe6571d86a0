// Connection finder without professionals: the shortest paths between two people or
// families through family links and shared households only (up to 10 steps; the app keeps
// those of at most $max). Parameters and rows as analysis/paths.
CALL { MATCH (a:Person {id: $from}) RETURN a UNION MATCH (a:Family {id: $from}) RETURN a }
CALL { MATCH (b:Person {id: $to}) RETURN b UNION MATCH (b:Family {id: $to}) RETURN b }
MATCH p = allShortestPaths((a)-[:MEMBER_OF|LIVES_AT|PARENT_OF|PARTNER_OF*..10]-(b))
WHERE a <> b
  AND (NOT $exclude_ended OR all(r IN relationships(p) WHERE r.`to` IS NULL))
WITH p WHERE length(p) <= $max
RETURN [n IN nodes(p) | {element_id: elementId(n), id: n.id, labels: labels(n),
                         props: properties(n)}] AS nodes,
       [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id,
                                 type: type(r), props: properties(r)}] AS rels
LIMIT 25
