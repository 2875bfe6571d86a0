// Bench only: deletes every node whose id starts with $prefix, with its relationships, in
// transactions of 10,000 nodes (run as an auto-commit query). Parameters: $prefix.
MATCH (n) WHERE n.id STARTS WITH $prefix
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
