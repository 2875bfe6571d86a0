// Import: taken first in every transaction that writes an import's changes, and held until
// it commits: two imports running at once write one after the other, so a MERGE always
// sees what the other has written (no relationship is created twice). No parameters.
// Returns nothing.
MERGE (lock:ImportLock {id: 'imports'})
SET lock.taken_at = datetime()
