"""Annex A into the graph: the published files, snapshots applied as differences, and the
accounting of every row."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tests.imports import files
from tests.imports.files import row

FIXTURES = Path(__file__).parent / "fixtures" / "annex-a"
AS_OF = "2026-11-01"


def run_import(app, path, *extra):
    return app.test_cli_runner().invoke(args=["import", "annex-a", str(path), "--la-code", "E1",
                                              "--as-of", AS_OF, *extra])


def summary_rows(output: str) -> dict[str, list[int]]:
    """The summary table's sheet rows: name -> [read, applied, unchanged, rejected]."""
    table = {}
    for line in output.splitlines():
        match = re.match(r"^(.+?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$", line)
        if match and (" / " in match.group(1) or match.group(1).strip().endswith(".csv")):
            table[match.group(1).strip()] = [int(n) for n in match.groups()[1:]]
    return table


def kind_rows(output: str) -> dict[str, list[int]]:
    """The summary's kinds: kind -> [created, updated, unchanged, ended]."""
    return {m.group(1): [int(n) for n in m.groups()[1:]] for m in re.finditer(
        r"^([A-Z][A-Za-z_]+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$", output, re.MULTILINE)}


def count(driver, query: str, **params) -> int:
    return driver.execute_query(query, params).records[0][0]


def test_the_published_example_imports_and_says_what_it_rejected(app, driver):
    result = run_import(app, FIXTURES / "example-filled.xlsx")
    assert result.exit_code == 0, result.output
    sheets = summary_rows(result.output)
    assert sheets["example-filled.xlsx / List_2"] == [10, 9, 0, 1]
    assert sheets["example-filled.xlsx / List_1"] == [1, 1, 0, 0]
    assert "List_2 row 10, Date of Birth" in result.output
    assert count(driver, "MATCH (c:Child {source: 'annex-a:E1'}) RETURN count(c)") == 8
    assert count(driver, "MATCH (:Child)-[:SUBJECT_OF]->(p:Plan {type: 'EARLY_HELP'}) "
                         "RETURN count(p)") == 8
    child = driver.execute_query("MATCH (c:Child {id: 'E1-1001'}) RETURN c").records[0]["c"]
    assert child["gender"] == "male" and child["dob"].to_native() == date(2000, 1, 1)
    assert child["source_id"] == "1001" and child["import_id"]


def test_the_empty_template_imports_as_nothing_without_an_error(app, driver):
    result = run_import(app, FIXTURES / "ofsted-template-2019.xlsx")
    assert result.exit_code == 0, result.output
    assert summary_rows(result.output) == {}
    # Nothing but the import's own record and the area's gap check that follows it.
    assert count(driver, "MATCH (n) WHERE NOT n:Import AND NOT n:ImportLock AND NOT n:GapRun "
                         "RETURN count(n)") == 0
    assert count(driver, "MATCH (i:Import {status: 'complete'}) RETURN count(i)") == 1


CP_CHILD = row(7, **{"Child Unique ID": "C7", "Gender": "b) Female",
                     "Date of Birth": "03/04/2015", "Child Protection Plan Start Date": "2026-06-01",
                     "Initial Category of Abuse": "a) Neglect", "Latest Category of Abuse": "Neglect",
                     "Date of latest review conference": "2026-09-01",
                     "Allocated Team": "Assessment Team 1", "Allocated Worker": "Sam Jones"})
CIN_CHILD = row(6, **{"Child Unique ID": "C6", "Gender": "Male", "Date of Birth": "2019-02-02",
                      "CIN Start Date": "2026-01-15", "Allocated Team": "CIN Team",
                      "Allocated Worker": "Ann Lee"})


def test_reimporting_changes_nothing_and_a_removed_child_is_ended_not_deleted(app, driver, tmp_path):
    first = files.annex_a(tmp_path / "first.xlsx", {7: [CP_CHILD], 6: [CIN_CHILD]})
    assert run_import(app, first).exit_code == 0
    again = run_import(app, first)
    kinds = kind_rows(again.output)
    assert all(created == 0 and updated == 0 and ended == 0
               for created, updated, _, ended in kinds.values()), again.output
    assert summary_rows(again.output)["first.xlsx / List_7"] == [1, 0, 1, 0]

    # The CP child leaves List 7: their plan and their social worker end on the as-of date.
    second = files.annex_a(tmp_path / "second.xlsx", {6: [CIN_CHILD]})
    result = run_import(app, second)
    assert kind_rows(result.output)["Plan"][3] == 1
    assert kind_rows(result.output)["INVOLVED_WITH"][3] == 1
    plan = driver.execute_query("MATCH (:Child {id: 'E1-C7'})-[:SUBJECT_OF]->(p:Plan) "
                                "RETURN p.end AS end").records[0]
    assert plan["end"].to_native() == date.fromisoformat(AS_OF)
    involvement = driver.execute_query(
        "MATCH (:Child {id: 'E1-C7'})<-[r:INVOLVED_WITH]-() RETURN r.`to` AS to, "
        "r.ended_reason AS reason").records[0]
    assert involvement["to"].to_native() == date.fromisoformat(AS_OF)
    assert involvement["reason"] == "not_in_source"
    assert count(driver, "MATCH (c:Child {id: 'E1-C7'}) RETURN count(c)") == 1
    # The CIN child is untouched.
    assert count(driver, "MATCH (:Child {id: 'E1-C6'})<-[r:INVOLVED_WITH]-() "
                         "WHERE r.`to` IS NULL RETURN count(r)") == 1


def test_the_child_page_shows_the_ended_involvement(app, driver, tmp_path):
    from tests.support.web import client_as
    run_import(app, files.annex_a(tmp_path / "first.xlsx", {7: [CP_CHILD]}))
    run_import(app, files.annex_a(tmp_path / "second.xlsx", {}))
    page = client_as(app, "coordinator").get("/children/E1-C7").get_data(as_text=True)
    assert "Sam Jones" in page
    assert re.search(r"Sam Jones.*?1 Nov 2026", page, re.DOTALL)


def test_plans_workers_and_reviews_are_mapped(app, driver, tmp_path):
    run_import(app, files.annex_a(tmp_path / "a.xlsx", {7: [CP_CHILD], 6: [CIN_CHILD]}))
    plan = driver.execute_query("MATCH (:Child {id: 'E1-C7'})-[:SUBJECT_OF]->(p:Plan) "
                                "RETURN p").records[0]["p"]
    assert plan["type"] == "CP" and plan["category"] == "neglect"
    # Latest review 1 Sep 2026: the next is due six months on.
    assert plan["next_review"].to_native() == date(2027, 3, 1)
    worker = driver.execute_query(
        "MATCH (:Child {id: 'E1-C7'})<-[r:INVOLVED_WITH]-(p:Professional)-[:WORKS_FOR]->(a) "
        "RETURN p, r, a").records[0]
    assert worker["p"]["name"] == "Sam Jones" and worker["p"]["identity"] == "name_only"
    assert worker["r"]["role"] == "allocated_social_worker" and worker["r"]["lead"] is True
    assert worker["a"]["type"] == "childrens_social_care"


def test_an_import_never_takes_the_lead_from_the_team(app, driver, tmp_path):
    driver.execute_query(
        "CREATE (:Person:Child {id: 'E1-C7', given_name: 'Known', family_name: 'Child'})"
        "<-[:INVOLVED_WITH {id: 'app-1', role: 'health_visitor', lead: true, `from`: date()}]-"
        "(:Professional {id: 'hv', name: 'HV'})")
    run_import(app, files.annex_a(tmp_path / "a.xlsx", {7: [CP_CHILD]}))
    leads = driver.execute_query("MATCH (:Child {id: 'E1-C7'})<-[r:INVOLVED_WITH]-(p) "
                                 "WHERE r.lead RETURN p.id AS id").records
    assert [r["id"] for r in leads] == ["hv"]
    # And what the team recorded is never ended by an import that does not name it.
    run_import(app, files.annex_a(tmp_path / "b.xlsx", {}))
    assert count(driver, "MATCH ()-[r:INVOLVED_WITH {id: 'app-1'}]->() WHERE r.`to` IS NULL "
                         "RETURN count(r)") == 1


def test_a_list_that_is_not_in_the_file_ends_nothing(app, driver, tmp_path):
    run_import(app, files.annex_a(tmp_path / "a.xlsx", {7: [CP_CHILD], 6: [CIN_CHILD]}))
    only_cin = files.annex_a(tmp_path / "b.xlsx", {6: [CIN_CHILD]}, all_lists=False)
    result = run_import(app, only_cin)
    assert result.exit_code == 0
    assert count(driver, "MATCH (p:Plan) WHERE p.end IS NOT NULL RETURN count(p)") == 0
    assert count(driver, "MATCH ()-[r:INVOLVED_WITH]->() WHERE r.`to` IS NOT NULL "
                         "RETURN count(r)") == 0


def test_a_dry_run_writes_nothing(app, driver, tmp_path):
    result = run_import(app, files.annex_a(tmp_path / "a.xlsx", {7: [CP_CHILD]}), "--dry-run")
    assert result.exit_code == 0 and "Dry run: nothing was written" in result.output
    assert kind_rows(result.output)["Child"][0] == 1
    assert count(driver, "MATCH (n) RETURN count(n)") == 0


@pytest.mark.parametrize("lists", [
    {7: [CP_CHILD], 6: [CIN_CHILD], 11: [[1, 2, "a) Male", "WBRI"]]},
    {2: [row(2, **{"Child Unique ID": "E", "Assessment start date": "31/02/2026"})],
     5: [row(5, **{"Child Unique ID": "C7", "Date of Initial Child Protection Conference":
                   "2026-05-20"})], 7: [CP_CHILD]},
])
def test_every_row_is_applied_unchanged_or_rejected(app, driver, tmp_path, lists):
    path = files.annex_a(tmp_path / "a.xlsx", lists)
    for _ in range(2):
        sheets = summary_rows(run_import(app, path).output)
        assert sheets
        for read, applied, unchanged, rejected in sheets.values():
            assert read == applied + unchanged + rejected
    record = driver.execute_query("MATCH (i:Import) RETURN i ORDER BY i.started_at DESC "
                                  "LIMIT 1").records[0]["i"]
    assert record["rows_read"] == record["rows_applied"] + record["rows_unchanged"] + \
        record["rows_rejected"]


def test_a_corrected_value_is_an_update_and_reaches_the_graph(app, driver, tmp_path):
    run_import(app, files.annex_a(tmp_path / "a.xlsx", {7: [CP_CHILD]}))
    corrected = [*CP_CHILD]
    corrected[files.LIST_HEADERS[7].index("Latest Category of Abuse")] = "d) Sexual abuse"
    corrected[files.LIST_HEADERS[7].index("Date of Birth")] = "04/04/2015"
    result = run_import(app, files.annex_a(tmp_path / "b.xlsx", {7: [corrected]}))
    kinds = kind_rows(result.output)
    assert kinds["Plan"][:2] == [0, 1] and kinds["Child"][:2] == [0, 1]
    assert summary_rows(result.output)["b.xlsx / List_7"] == [1, 1, 0, 0]
    record = driver.execute_query("MATCH (c:Child {id: 'E1-C7'})-[:SUBJECT_OF]->(p) "
                                  "RETURN c.dob AS dob, p.category AS category, "
                                  "c.source AS source").records[0]
    assert record["category"] == "sexual" and str(record["dob"]) == "2015-04-04"
    assert record["source"] == "annex-a:E1"
