// One part of a union of named queries: runs the query put in place of <query> as a subquery
// and gives each of its rows the column `part`, the query's number <part> in the union.
// Filled in by Database.union_all (the query's text from its own file, its number from the
// code), which joins the parts with UNION ALL; never run as it is.
CALL () {
<query>
}
RETURN *, <part> AS part
