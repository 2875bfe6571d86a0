// After loading a whole area: resample every index and empty the plan cache, waiting until
// both are done. Otherwise the parts measured next are planned on the statistics of the
// emptied database, then planned again each time the server's background resampling moves
// them (at a million children the map's JSON API p95 read 71 ms in the minutes after the
// load and 14 ms half an hour later). Parameters: none. Returns nothing.
CALL db.prepareForReplanning()
