// Records that have moved from the graph to the app's store (accounts with their
// professional, API tokens, break-glass grants, analysts' saved queries, the audit trail),
// for the one-off move by `flask --app app setup`. No parameters.
// Returns one row {users, tokens, grants, queries, events}, each a list of maps.
CALL { MATCH (u:User) OPTIONAL MATCH (u)-[:IS]->(p:Professional)
       RETURN collect(u {.*, professional_id: p.id}) AS users }
CALL { MATCH (t:ApiToken) RETURN collect(t {.*}) AS tokens }
CALL { MATCH (u:User)-[g:BREAK_GLASS]->(f:Family)
       RETURN collect(g {.*, user_id: u.id, family_id: f.id}) AS grants }
CALL { MATCH (q:SavedQuery) RETURN collect(q {.*}) AS queries }
CALL { MATCH (e:AuditEvent) WITH e ORDER BY e.at RETURN collect(e {.*}) AS events }
RETURN users, tokens, grants, queries, events
