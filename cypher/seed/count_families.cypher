// How many families the graph holds: `flask setup` loads the demo only into an empty one.
// No parameters. Returns {families}.
MATCH (f:Family) RETURN count(f) AS families
