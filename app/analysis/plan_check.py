"""What an analyst's console query may do, decided from the plan Neo4j makes for it.

Neo4j Community has no access control inside a database, and a READ transaction refuses
writes only: LOAD CSV (files and URLs), SHOW / TERMINATE TRANSACTIONS, `dbms.*` procedures
and administration commands all run in one. So before a console query runs, the app asks
for its plan (EXPLAIN, which runs nothing) and refuses any plan with an operator that reads
outside the graph, administers the server, or writes. Deciding on the plan rather than the
text means comments, casing, Unicode escapes or a subquery cannot hide a clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Procedures that only describe the graph's shape.
ALLOWED_PROCEDURES = frozenset({
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
    "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
})

# Operator names (without their "@database" suffix) that are refused, with the reason
# shown to the analyst.
REFUSED = (
    (re.compile(r"^LoadCSV$"), "LOAD CSV reads files and web addresses"),
    (re.compile(r"^Transaction(Apply|Foreach)$"), "CALL { } IN TRANSACTIONS"),
    (re.compile(r"^(Show|Terminate)"), "SHOW and TERMINATE commands administer the server"),
    (re.compile(r"Command|System|Assert"), "administration commands"),
    (re.compile(r"^(Create|Merge|Delete|DetachDelete|Set|Remove|Foreach|Lock)"),
     "the console is read-only"),
)


@dataclass(frozen=True)
class Refusal:
    operator: str
    reason: str


def operators(plan: dict) -> list[tuple[str, str, str]]:
    """(operator, database, details) for every operator of a plan (the driver's dict)."""
    name, _, database = plan["operatorType"].partition("@")
    found = [(name, database, str(plan.get("args", {}).get("Details", "")))]
    for child in plan.get("children", []):
        found.extend(operators(child))
    return found


def refusal(plan: dict, database: str) -> Refusal | None:
    """Why this plan may not run in the console, or None when it is a plain read."""
    for name, on_database, details in operators(plan):
        if on_database and on_database != database:
            return Refusal(name, f"it runs on the {on_database} database")
        if name == "ProcedureCall":
            procedure = details.split("(", 1)[0].strip()
            if procedure not in ALLOWED_PROCEDURES:
                return Refusal(name, f"the procedure {procedure or '?'} is not one the console "
                                     f"allows ({', '.join(sorted(ALLOWED_PROCEDURES))})")
            continue
        if "Procedure" in name:
            return Refusal(name, "procedure calls outside the allowed list")
        for pattern, reason in REFUSED:
            if pattern.search(name):
                return Refusal(name, reason)
    return None
