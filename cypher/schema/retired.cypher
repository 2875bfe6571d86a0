// Drops the constraints and indexes of records that have left the graph for the app's own
// store (accounts, sessions, sign-in throttles, API tokens, the audit trail, analysts'
// saved queries), and those no query reads any more. Idempotent (IF EXISTS); no parameters.
DROP CONSTRAINT user_id IF EXISTS;
DROP CONSTRAINT user_email IF EXISTS;
DROP CONSTRAINT audit_event_id IF EXISTS;
DROP CONSTRAINT user_session_id IF EXISTS;
DROP CONSTRAINT sign_in_throttle_key IF EXISTS;
DROP CONSTRAINT api_token_hash IF EXISTS;
DROP INDEX audit_event_at IF EXISTS;
DROP INDEX audit_event_user IF EXISTS;
DROP INDEX audit_event_target IF EXISTS;
DROP INDEX user_session_user IF EXISTS;
DROP INDEX api_token_user IF EXISTS;
DROP INDEX saved_query_user IF EXISTS;
// Age bands are counted with the other tallies since they are kept on each gap.
DROP INDEX gap_state_open_dob IF EXISTS;
// Families are listed by name and id from one index (family_name_id).
DROP INDEX family_name IF EXISTS;
