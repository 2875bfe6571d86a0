// A person's record beyond their identity: families (now and before), family ties, homes
// (now and before) and plans. Parameters: $person_id. Returns {families: [{id, name, role,
// since, left}], ties: [{type, other_id, other_name, outgoing, kind, status, since, until}],
// homes: [{address, postcode, since, until}], plans: [{id, type, category, start, end,
// next_review}]} or no row.
MATCH (p:Person {id: $person_id})
RETURN
  [(p)-[m:MEMBER_OF|WAS_MEMBER_OF]->(f:Family) |
     {id: f.id, name: f.name, role: m.role, since: m.`from`, left: m.`to`}] AS families,
  [(p)-[r:PARENT_OF|PARTNER_OF]-(o:Person) |
     {type: type(r), other_id: o.id, other_name: o.given_name + ' ' + o.family_name,
      outgoing: startNode(r) = p, kind: r.kind, status: r.status, since: r.`from`,
      until: r.`to`}] AS ties,
  [(p)-[l:LIVES_AT]->(h:Household) |
     {address: h.address, postcode: h.postcode, since: l.`from`, until: l.`to`}] AS homes,
  [(p)-[:SUBJECT_OF]->(pl:Plan) |
     {id: pl.id, type: pl.type, category: pl.category, start: pl.start, end: pl.end,
      next_review: pl.next_review}] AS plans
