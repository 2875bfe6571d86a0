// Deletes relationships by element id (a merge moving them, or its undo taking them back).
// Parameters: $rels. Returns {deleted}.
UNWIND $rels AS rel
MATCH ()-[x]->() WHERE elementId(x) = rel
DELETE x
RETURN count(*) AS deleted
