// Seed: adds each involvement of a professional with a person once, matched by the
// involvement's id (a professional can have several with one person over time).
// Parameters: $rows, a list of {from: professional id, to: person id, props: {id, role,
// lead, from, to, last_contact, ended_reason, quality}}. Returns nothing.
UNWIND $rows AS row
MATCH (a:Professional {id: row.from})
MATCH (b:Person {id: row.to})
MERGE (a)-[r:INVOLVED_WITH {id: row.props.id}]->(b)
ON CREATE SET r.role = row.props.role, r.lead = row.props.lead, r.`from` = row.props.`from`,
    r.`to` = row.props.`to`, r.last_contact = row.props.last_contact,
    r.ended_reason = row.props.ended_reason, r.quality = row.props.quality
