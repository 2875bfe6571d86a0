// How many families are recorded (from the count store: no family is read).
// Parameters: none. Returns {families}.
MATCH (f:Family) RETURN count(f) AS families
