// Answers 1 when the database accepts queries: the health check. No parameters.
RETURN 1 AS ok
