// Import: the record of one import (who, when, which file, what it did). Written when the
// import starts (status 'started') and again when it ends ('complete').
// Parameters: $id, $props (source, kind, file_name, checksum, user_id, started_at, as_of,
// status, rows_read, created, updated, unchanged, ended, rejected, sheets as JSON text).
// Returns nothing.
MERGE (i:Import {id: $id})
SET i += $props
