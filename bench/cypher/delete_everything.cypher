// Bench only: empties the bench database before an area is built, in transactions of
// 10,000 nodes (run as an auto-commit query). No parameters.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
