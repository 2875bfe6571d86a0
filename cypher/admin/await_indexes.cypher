// Waits (up to 300 s) until every index is online, so that the first queries after the
// schema is applied use them. Returns nothing. No parameters.
CALL db.awaitIndexes(300);
