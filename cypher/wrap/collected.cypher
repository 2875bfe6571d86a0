// Runs the named query put in place of <query> as a subquery and returns its rows as one
// row: `rows`, a list of [<columns>]. The driver takes a message and a round of its own work
// for each row: a whole area's hundred thousand rows cost it ten times the one list.
// Filled in by Database.collected (the query's text from its own file, the columns' names
// from the code), never run as it is.
CALL () {
<query>
}
RETURN collect([<columns>]) AS rows
