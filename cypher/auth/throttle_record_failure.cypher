// Counts a failed sign-in against each key: failures within the window add up, and reaching
// the key's limit locks it until now + $lockout_seconds. Parameters: $keys (list of
// {key, limit}), $window_seconds, $lockout_seconds. Returns rows {key, failures, locked_until}.
UNWIND $keys AS k
MERGE (t:SignInThrottle {key: k.key})
ON CREATE SET t.failures = 0, t.window_start = datetime()
WITH t, k
SET t.failures = CASE WHEN t.window_start < datetime() - duration({seconds: $window_seconds})
                      THEN 1 ELSE t.failures + 1 END,
    t.window_start = CASE WHEN t.window_start < datetime() - duration({seconds: $window_seconds})
                          THEN datetime() ELSE t.window_start END
SET t.locked_until = CASE WHEN t.failures >= k.limit
                          THEN datetime() + duration({seconds: $lockout_seconds})
                          ELSE t.locked_until END
RETURN t.key AS key, t.failures AS failures, t.locked_until AS locked_until
