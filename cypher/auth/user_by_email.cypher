// The account with this email, for sign-in. Emails are stored in lower case.
// Parameters: $email (lower case). Returns {id, password_hash, active} or no row.
MATCH (u:User {email: $email})
RETURN u.id AS id, u.password_hash AS password_hash, u.active AS active
