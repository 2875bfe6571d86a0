"""The synthetic area generator: deterministic, loads what it says, safe to re-run."""

import os
import subprocess
import sys
from datetime import date

import neo4j
import pytest

from seed.area import generate_area, nhs_number
from seed.generate import graph_counts
from seed.loader import load

AS_OF = date(2026, 11, 29)
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.mark.no_graph
def test_the_same_seed_gives_the_same_area_and_another_seed_another():
    first = generate_area(400, seed=3, as_of=AS_OF)
    again = generate_area(400, seed=3, as_of=AS_OF)
    other = generate_area(400, seed=4, as_of=AS_OF)
    assert first.nodes == again.nodes
    assert first.relationships == again.relationships
    assert first.relationships["INVOLVED_WITH"] != other.relationships["INVOLVED_WITH"]


@pytest.mark.no_graph
@pytest.mark.parametrize("children", [1, 7, 1000])
def test_exactly_the_asked_number_of_children(children):
    assert len(generate_area(children, seed=1, as_of=AS_OF).nodes["Child"]) == children


@pytest.mark.no_graph
def test_the_area_looks_like_an_english_local_authority():
    area = generate_area(20_000, seed=2, as_of=AS_OF)
    children = len(area.nodes["Child"])
    plans = [row["props"]["type"] for row in area.nodes["Plan"]]
    share = {kind: plans.count(kind) / children for kind in ("CP", "LAC", "CIN", "EARLY_HELP")}
    # DfE figures per child: CP ~0.4%, LAC ~0.7%, CIN ~2.5-3.3%, early help ~2%.
    assert 0.002 < share["CP"] < 0.008
    assert 0.004 < share["LAC"] < 0.011
    assert 0.015 < share["CIN"] < 0.04
    assert 0.01 < share["EARLY_HELP"] < 0.03
    unborn = [row for row in area.nodes["Child"] if row["props"].get("unborn")]
    assert unborn and all("dob" not in row["props"] for row in unborn)
    agency_types = {row["props"]["type"] for row in area.nodes["Agency"]}
    assert len(agency_types) == 15
    ended = [r for r in area.relationships["INVOLVED_WITH"] if "to" in r["props"]]
    assert ended and area.relationships["HANDED_OVER_TO"]
    assert len(ended) > len(area.relationships["HANDED_OVER_TO"])  # some ended without one
    # Some fathers have children in more than one family.
    fathers = {}
    for rel in area.relationships["MEMBER_OF"]:
        if rel["props"]["role"] == "parent":
            fathers.setdefault(rel["from"], set()).add(rel["to"])
    assert any(len(families) > 1 for families in fathers.values())


@pytest.mark.no_graph
def test_nhs_numbers_have_a_valid_check_digit():
    import random
    rng = random.Random(0)
    for _ in range(200):
        digits = [int(ch) for ch in nhs_number(rng).replace(" ", "")]
        total = sum(d * (10 - i) for i, d in enumerate(digits[:9]))
        assert (11 - total % 11) % 11 == digits[9]


@pytest.mark.parametrize("workers", [1, 2])
def test_loaded_area_matches_the_batch_and_a_second_load_adds_nothing(db, workers):
    batch = generate_area(300, seed=5, as_of=AS_OF)
    stats = load(db, batch, chunk_size=100, workers=workers)
    expected = {kind: count for kind, count in batch.counts().items() if count}
    found = graph_counts(db, "s5-")
    assert {kind: found.get(kind, 0) for kind in expected} == expected
    assert stats.elements == batch.size()

    load(db, generate_area(300, seed=5, as_of=AS_OF), chunk_size=100, workers=workers)
    assert graph_counts(db, "s5-") == found


def test_a_chunk_the_server_refuses_stops_the_load_before_any_relationship(db):
    batch = generate_area(300, seed=6, as_of=AS_OF)
    # A map is no property value: the server refuses the chunk holding this child.
    batch.nodes["Child"][150]["props"]["address"] = {"line": "1 High Street"}
    with pytest.raises(neo4j.exceptions.Neo4jError, match=r"[Pp]roperty"):
        load(db, batch, chunk_size=50, workers=2)
    found = graph_counts(db, "s6-")
    assert found.get("Child", 0) < 300
    assert not any(found.get(kind) for kind in batch.relationships)


def test_the_command_prints_counts_that_match_a_cypher_count(neo4j_server, driver, schema):
    env = {**os.environ, "NEO4J_URI": neo4j_server.uri, "NEO4J_USER": neo4j_server.user,
           "NEO4J_PASSWORD": neo4j_server.password}
    command = [sys.executable, "-m", "seed.generate", "--children", "250", "--seed", "9",
               "--as-of", "2026-11-29", "--quiet"]
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    printed = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1].replace(",", "").isdigit():
            printed[parts[0]] = int(parts[1].replace(",", ""))
    assert printed["Child"] == 250
    children = driver.execute_query(
        "MATCH (c:Child) WHERE c.id STARTS WITH 's9-' RETURN count(c) AS n").records[0]["n"]
    involvements = driver.execute_query(
        "MATCH (p:Professional)-[r:INVOLVED_WITH]->() WHERE p.id STARTS WITH 's9-' "
        "RETURN count(r) AS n").records[0]["n"]
    assert printed["Child"] == children
    assert printed["INVOLVED_WITH"] == involvements

    rerun = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0
    assert driver.execute_query(
        "MATCH (n) WHERE n.id STARTS WITH 's9-' RETURN count(n) AS n").records[0]["n"] == \
        printed["Child"] + printed["Adult"] + sum(v for k, v in printed.items()
                                if k in ("Family", "Household", "Agency", "Professional", "Plan"))


def test_progress_is_told_as_each_chunk_is_written_not_when_all_are(db):
    batch = generate_area(300, seed=7, as_of=AS_OF)
    nodes_at_first_word = []

    def progress(kind, rows):
        if not nodes_at_first_word:
            found = graph_counts(db, "s7-")
            nodes_at_first_word.append(sum(found.get(kind, 0) for kind in batch.nodes))

    load(db, batch, chunk_size=50, workers=2, progress=progress)
    assert nodes_at_first_word[0] < sum(len(rows) for rows in batch.nodes.values())
