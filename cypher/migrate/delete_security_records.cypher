// Deletes from the graph the records that now live in the app's store, after they were
// copied there (sessions and sign-in throttles are not copied: users sign in again).
// No parameters. Returns nothing.
MATCH (n) WHERE n:User OR n:UserSession OR n:ApiToken OR n:SignInThrottle OR n:SavedQuery
             OR n:AuditEvent
DETACH DELETE n
