"""The synthetic area written as SSD and as Annex A, imported into an empty graph, gives what
the direct load gives (for what each return can carry)."""

from __future__ import annotations

from datetime import date

import pytest

from seed.area import generate_area
from seed.loader import load
from seed.returns import write_annex_a, write_ssd
from tests.imports.test_annex_a_import import kind_rows

AS_OF = date(2026, 11, 1)
CHILDREN = 150


@pytest.fixture(scope="module")
def area():
    return generate_area(CHILDREN, seed=11, as_of=AS_OF)


def graph(driver, source_id: str) -> dict[str, set]:
    """What a conference relies on, by the source's own ids (`source_id` for an import, the
    node id for the direct load)."""
    def rows(query):
        return {tuple(r.values()) for r in driver.execute_query(query, {"sid": source_id}).records}
    key = "coalesce(n.source_id, n.id)" if source_id else "n.id"
    return {
        "children": rows(f"MATCH (n:Child) RETURN {key}, n.given_name, n.family_name, n.dob, "
                         f"n.gender, n.nhs_number, coalesce(n.unborn, false), n.expected_date"),
        "plans": rows(f"MATCH (c:Child)-[:SUBJECT_OF]->(p:Plan) WHERE p.type <> 'PRE_BIRTH' "
                      f"WITH c AS n, p RETURN {key}, p.type, p.start, p.end, p.category, "
                      f"p.icpc_date"),
        "professionals": rows(f"MATCH (n:Professional)-[:WORKS_FOR]->(a) RETURN {key}, n.name, "
                              f"n.job_title, n.email, n.phone, coalesce(n.sensitive_role, false), "
                              f"a.name, a.type"),
        "involvements": rows("MATCH (p:Professional)-[r:INVOLVED_WITH]->(n:Person) "
                             "RETURN coalesce(r.source_id, r.id), coalesce(p.source_id, p.id), "
                             "coalesce(n.source_id, n.id), r.role, r.`from`, r.`to`, "
                             "coalesce(r.lead, false)"),
    }


def test_ssd_written_from_the_area_imports_as_the_area(app, driver, db, area, tmp_path):
    load(db, area)
    direct = graph(driver, "")
    driver.execute_query("MATCH (n) DETACH DELETE n")
    folder = write_ssd(area, tmp_path / "ssd", AS_OF)
    result = app.test_cli_runner().invoke(args=["import", "ssd", str(folder), "--la-code", "LA",
                                                "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.output
    assert "row(s) rejected" not in result.output, result.output
    imported = graph(driver, "imported")
    for part in ("children", "plans", "professionals", "involvements"):
        assert imported[part] == direct[part], part
    assert len(direct["involvements"]) > 300 and direct["plans"]
    again = app.test_cli_runner().invoke(args=["import", "ssd", str(folder), "--la-code", "LA",
                                               "--as-of", AS_OF.isoformat()])
    kinds = kind_rows(again.output)
    assert kinds["INVOLVED_WITH"][2] == len(direct["involvements"])
    assert all(created == 0 and updated == 0 and ended == 0
               for created, updated, _, ended in kinds.values()), again.output


def test_annex_a_written_from_the_area_imports_its_children_plans_and_workers(
        app, driver, db, area, tmp_path):
    load(db, area)
    direct_plans = {tuple(r.values()) for r in driver.execute_query(
        "MATCH (c:Child)-[:SUBJECT_OF]->(p:Plan) WHERE p.type IN ['CIN', 'CP', 'LAC', 'EARLY_HELP'] "
        "RETURN c.id, p.type, p.start, p.end").records}
    direct_workers = {tuple(r.values()) for r in driver.execute_query(
        "MATCH (c:Child)-[:SUBJECT_OF]->(p:Plan) WHERE p.type IN ['CIN', 'CP', 'LAC'] "
        "MATCH (c)<-[r:INVOLVED_WITH {role: 'allocated_social_worker'}]-(w) WHERE r.`to` IS NULL "
        "RETURN DISTINCT c.id, w.name").records}
    driver.execute_query("MATCH (n) DETACH DELETE n")
    path = write_annex_a(area, tmp_path / "annex-a.xlsx")
    result = app.test_cli_runner().invoke(args=["import", "annex-a", str(path), "--la-code", "LA",
                                                "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.output
    plans = {tuple(r.values()) for r in driver.execute_query(
        "MATCH (c:Child)-[:SUBJECT_OF]->(p:Plan) RETURN c.source_id, p.type, p.start, p.end").records}
    workers = {tuple(r.values()) for r in driver.execute_query(
        "MATCH (c:Child)<-[:INVOLVED_WITH {role: 'allocated_social_worker'}]-(w) "
        "RETURN c.source_id, w.name").records}
    assert plans == direct_plans and len(plans) >= 3
    assert workers == direct_workers
