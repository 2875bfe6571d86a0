// Records the birth of an unborn child: the child keeps their id, gains a date of birth
// and loses the unborn mark. Parameters: $person_id, $dob, $gender.
// Returns {id} or no row when the person is not an unborn child.
MATCH (c:Child {id: $person_id})
WHERE c.unborn
SET c.dob = $dob, c.gender = $gender, c.born_recorded_at = datetime(),
    c.version = coalesce(c.version, 0) + 1
REMOVE c.unborn, c.expected_date
RETURN c.id AS id
