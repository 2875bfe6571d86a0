"""The console's decision on a query's plan, on plans shaped as Neo4j returns them."""

import pytest

from app.analysis.plan_check import refusal


def plan(*operators: tuple[str, str]) -> dict:
    """A chain of operators, the first at the top, as {operatorType, args, children}."""
    node: dict = {}
    for name, details in reversed(operators):
        node = {"operatorType": name, "args": {"Details": details},
                "children": [node] if node else []}
    return node


@pytest.mark.parametrize(("operators", "refused_by"), [
    ((("ProduceResults@neo4j", "n"), ("AllNodesScan@neo4j", "n")), None),
    ((("ProduceResults@neo4j", "label"), ("ProcedureCall@neo4j", "db.labels() :: (label)")), None),
    ((("ProduceResults@neo4j", "l"), ("LoadCSV@neo4j", "l")), "LoadCSV"),
    ((("ProduceResults@neo4j", "x"), ("ProcedureCall@neo4j", "dbms.listConfig() :: (name)")),
     "ProcedureCall"),
    ((("ProduceResults@neo4j", "x"), ("ShowTransactions@neo4j", "allTransactions")),
     "ShowTransactions"),
    ((("ProduceResults@neo4j", "x"), ("TerminateTransactions@neo4j", "t")),
     "TerminateTransactions"),
    ((("AdministrationCommand@system", ""),), "AdministrationCommand"),
    ((("ProduceResults@neo4j", "x"), ("TransactionApply@neo4j", "IN TRANSACTIONS"),
      ("AllNodesScan@neo4j", "n")), "TransactionApply"),
    ((("ProduceResults@neo4j", ""), ("EmptyResult@neo4j", ""), ("Create@neo4j", "(n:X)")),
     "Create"),
    ((("ProduceResults@neo4j", "x"), ("Union@neo4j", ""), ("AllNodesScan@neo4j", "n"),
      ("LoadCSV@neo4j", "l")), "LoadCSV"),
])
def test_a_plan_is_a_plain_read_or_is_refused_with_its_operator(operators, refused_by):
    found = refusal(plan(*operators), "neo4j")
    assert (found.operator if found else None) == refused_by


def test_a_plan_on_another_database_is_refused():
    found = refusal(plan(("ProduceResults@system", "x"), ("AllNodesScan@system", "n")), "neo4j")
    assert found is not None and "system" in found.reason
