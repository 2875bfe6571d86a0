"""app/db.py against the real Neo4j: reads, writes, constraints, transactions, schema."""

import datetime
import time

import neo4j
import pytest

from app.db import ConflictError, TookTooLong, load_queries

MODEL_LABELS = [
    ["Person", "Child"], ["Person", "Adult"], ["Family"], ["Household"], ["Agency"],
    ["Professional"], ["Plan"],
]


def test_write_then_read_back_with_a_real_date(fixture_db):
    dob = datetime.date(2019, 4, 7)
    fixture_db.write("fixtures/create_labelled", labels=["Person", "Child"], id="c1",
                     props={"given_name": "Amira", "dob": dob})

    [row] = fixture_db.read("fixtures/get_by_id", id="c1")
    assert sorted(row["labels"]) == ["Child", "Person"]
    assert row["props"]["given_name"] == "Amira"
    assert row["props"]["dob"] == dob  # a Python date: driver types stop at app/db.py
    [kind] = fixture_db.read("fixtures/value_type", id="c1", key="dob")
    assert kind["type"].startswith("DATE")


def test_rows_carry_plain_values_as_the_driver_exports_them(fixture_db):
    """Nodes, relationships and paths come back as the driver's Record.data() makes them,
    and every date inside them as a Python date."""
    dob = datetime.date(2019, 4, 7)
    fixture_db.write("fixtures/create_labelled", labels=["Person", "Child"], id="c1",
                     props={"given_name": "Amira", "dob": dob})
    fixture_db.write("fixtures/create_labelled", labels=["Family"], id="f1", props={})
    fixture_db.write("fixtures/link", a="c1", b="f1")

    [row] = fixture_db.read("fixtures/graph_values", a="c1", b="f1")

    child = {"id": "c1", "given_name": "Amira", "dob": dob}
    assert row["node"] == child and type(row["node"]["dob"]) is datetime.date
    assert row["relationship"] == (child, "KNOWS", {"id": "f1"})
    assert row["path"] == [child, "KNOWS", {"id": "f1"}]
    assert row["nested"] == {"when": {"day": dob}, "days": [dob]}
    assert type(row["nested"]["days"][0]) is datetime.date


def test_reads_together_run_in_one_transaction_and_others_in_their_own(fixture_db):
    with fixture_db.reads_together():
        first = fixture_db.read("fixtures/transaction_id")[0]["id"]
        second = fixture_db.read("fixtures/transaction_id")[0]["id"]
        # A write inside the block keeps its own transaction; the reads after it see it.
        fixture_db.write("fixtures/create_labelled", labels=["Family"], id="f1", props={})
        assert fixture_db.read("fixtures/get_by_id", id="f1") != []
        assert fixture_db.read("fixtures/transaction_id")[0]["id"] == first
    assert first == second
    assert fixture_db.read("fixtures/transaction_id")[0]["id"] != first


@pytest.mark.parametrize("labels", MODEL_LABELS, ids=lambda labels: labels[-1])
def test_a_second_node_with_an_existing_id_is_rejected(fixture_db, labels):
    fixture_db.write("fixtures/create_labelled", labels=labels, id="same", props={})

    with pytest.raises(ConflictError):
        fixture_db.write("fixtures/create_labelled", labels=labels, id="same", props={})

    assert fixture_db.read("fixtures/count_nodes") == [{"nodes": 1}]


def test_two_involvements_cannot_share_an_id(driver, schema):
    """Team changes name an involvement by its id: the schema keeps it unique."""
    driver.execute_query("CREATE (:Professional {id: 'p1'}), (:Person:Child {id: 'c1'}), "
                         "(:Person:Child {id: 'c2'})")
    create = ("MATCH (p:Professional {id: 'p1'}), (c:Person {id: $child}) "
              "CREATE (p)-[:INVOLVED_WITH {id: 'inv-1', role: 'gp'}]->(c)")
    driver.execute_query(create, child="c1")
    with pytest.raises(neo4j.exceptions.ConstraintError):
        driver.execute_query(create, child="c2")
    assert driver.execute_query("MATCH ()-[i:INVOLVED_WITH]->() RETURN count(i) AS n"
                                ).records[0]["n"] == 1


def test_a_read_over_its_time_limit_is_stopped_by_the_server(fixture_db):
    started = time.monotonic()
    with pytest.raises(TookTooLong):
        fixture_db.read_within(1, "fixtures/slow_count")
    assert time.monotonic() - started < 10  # stopped, not run to the end


def test_a_failed_transaction_leaves_the_graph_as_it_was(fixture_db):
    fixture_db.write("fixtures/create_labelled", labels=["Family"], id="f1", props={})

    def two_writes(run):
        run("fixtures/create_labelled", labels=["Family"], id="f2", props={})
        run("fixtures/create_labelled", labels=["Family"], id="f1", props={})  # duplicate

    with pytest.raises(ConflictError):
        fixture_db.write_transaction(two_writes)

    assert fixture_db.read("fixtures/get_by_id", id="f2") == []
    assert fixture_db.read("fixtures/count_nodes") == [{"nodes": 1}]


def test_applying_the_schema_twice_changes_nothing(db, driver):
    def schema():
        constraints = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name").records
        indexes = driver.execute_query("SHOW INDEXES YIELD name RETURN name").records
        return sorted(r["name"] for r in constraints), sorted(r["name"] for r in indexes)

    before = schema()
    db.apply_schema()
    assert schema() == before
    assert "person_names" in before[1]


def test_name_search_index_is_accent_insensitive(driver, db):
    driver.execute_query("CREATE (:Person:Child {id: 'c1', given_name: 'Zoë', family_name: 'Brontë'})")
    driver.execute_query("CALL db.awaitIndexes(60)")
    records = driver.execute_query(
        "CALL db.index.fulltext.queryNodes('person_names', 'zoe bronte') YIELD node RETURN node.id AS id"
    ).records
    assert [r["id"] for r in records] == ["c1"]


def test_unknown_query_names_are_refused(db):
    with pytest.raises(KeyError):
        db.read("families/does_not_exist")


@pytest.mark.no_graph
def test_every_cypher_file_says_what_it_does():
    queries = load_queries()
    assert "health/ping" in queries and "schema/constraints" in queries
    for query in queries.values():
        assert query.text.lstrip().startswith("//"), query.name


def test_union_all_runs_named_queries_in_one_statement_each_with_its_own_parameters(fixture_db):
    fixture_db.write("fixtures/create_labelled", labels=["Person", "Child"], id="c1",
                     props={"given_name": "Amira"})
    fixture_db.write("fixtures/create_labelled", labels=["Family"], id="f1", props={})
    parts = [("fixtures/get_by_id", (("id", "first"),)),
             ("fixtures/get_by_id", (("id", "second"),))]
    # The same query twice, its $id renamed apart: each part finds its own node.
    name = fixture_db.union_all(parts)

    rows = fixture_db.read(name, first="f1", second="c1")

    assert sorted((row["part"], row["props"]["id"]) for row in rows) == [(0, "f1"), (1, "c1")]
    assert fixture_db.union_all(parts) == name  # made once


def test_collected_returns_a_query_s_rows_as_one_list_of_the_asked_columns(fixture_db):
    fixture_db.write("fixtures/create_labelled", labels=["Family"], id="f1", props={})
    name = fixture_db.collected("fixtures/get_by_id", ["props"])

    [row] = fixture_db.read(name, id="f1")

    assert [values[0]["id"] for values in row["rows"]] == ["f1"]
    assert fixture_db.collected("fixtures/get_by_id", ["props"]) == name  # made once


@pytest.mark.parametrize("put_together", [
    lambda db: db.union_all([("fixtures/get_by_id", (("id", "id} MATCH (n) DETACH DELETE n //"),))]),
    lambda db: db.collected("fixtures/get_by_id", ["props] MATCH (n) DETACH DELETE n //"]),
])
def test_a_statement_put_together_takes_only_names_not_cypher(fixture_db, put_together):
    with pytest.raises(ValueError, match="not a"):
        put_together(fixture_db)
