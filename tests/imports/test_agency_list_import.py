"""A partner agency's list: people matched by NHS number, never by name alone; what the list
no longer gives is ended."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from tests.imports.test_annex_a_import import count, kind_rows, summary_rows

AS_OF = "2026-11-01"
HEADER = ["person_id", "given_name", "family_name", "dob", "nhs_number", "address", "postcode",
          "professional_name", "role", "phone", "email", "from", "to"]
# 943 476 5919 is a valid NHS number (its check digit is right).
LILY = ["HV-1", "Lily", "Hughes", "12/05/2025", "943 476 5919", "14 Orchard Way", "km1 4ab",
        "Priya Shah", "Health visitor", "01632 960001", "priya.shah@nhs.example", "2025-06-01", ""]
DAD = ["HV-2", "Craig", "Walsh", "1990-01-01", "", "14 Orchard Way", "KM1 4AB",
       "Priya Shah", "health_visitor", "", "", "", ""]


@pytest.fixture
def agency(driver):
    driver.execute_query("CREATE (:Agency {id: 'hv-north', name: 'Health visiting north', "
                         "type: 'health_visiting'})")
    return "hv-north"


def write_list(path, rows, header=HEADER):
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def run(app, path, agency_id="hv-north", *extra):
    return app.test_cli_runner().invoke(args=[
        "import", "agency-list", str(path), "--agency-id", agency_id, "--la-code", "E1",
        "--as-of", AS_OF, *extra])


def test_a_list_brings_people_their_home_and_the_named_professional(app, driver, agency, tmp_path):
    path = write_list(tmp_path / "hv.csv", [LILY, DAD])
    result = run(app, path)
    assert result.exit_code == 0, result.output
    assert summary_rows(result.output)["hv.csv"] == [2, 2, 0, 0]
    lily = driver.execute_query(
        "MATCH (c:Child {nhs_number: '943 476 5919'})<-[r:INVOLVED_WITH]-(p:Professional)"
        "-[:WORKS_FOR]->(:Agency {id: 'hv-north'}) MATCH (c)-[:LIVES_AT]->(h) "
        "RETURN c, r, p, h").records[0]
    assert lily["c"]["given_name"] == "Lily" and lily["r"]["role"] == "health_visitor"
    assert lily["r"]["from"].to_native() == date(2025, 6, 1)
    assert lily["p"]["phone"] == "01632 960001" and lily["h"]["postcode"] == "KM1 4AB"
    assert count(driver, "MATCH (:Adult {given_name: 'Craig'})-[:LIVES_AT]->(h {postcode: "
                         "'KM1 4AB'}) RETURN count(h)") == 1
    again = run(app, path)
    assert all(c == 0 and u == 0 for c, u, _, _ in kind_rows(again.output).values())


def test_the_same_nhs_number_is_the_same_person_and_their_record_is_not_overwritten(
        app, driver, agency, tmp_path):
    driver.execute_query("CREATE (:Person:Child {id: 'E1-77', given_name: 'Lilly', "
                         "family_name: 'Hughes', nhs_number: '943 476 5919', source: 'ssd:E1'})")
    assert run(app, write_list(tmp_path / "hv.csv", [LILY])).exit_code == 0
    assert count(driver, "MATCH (c:Child) RETURN count(c)") == 1
    known = driver.execute_query("MATCH (c:Child {id: 'E1-77'})<-[:INVOLVED_WITH]-(p) "
                                 "RETURN c.given_name AS name, c.dob AS dob, p.name AS pro").records[0]
    # The name the known record holds stays; what it lacked (the date of birth) is filled.
    assert known["name"] == "Lilly" and known["dob"].to_native() == date(2025, 5, 12)
    assert known["pro"] == "Priya Shah"


def test_name_and_date_of_birth_alone_never_merge_two_people(app, driver, agency, tmp_path):
    driver.execute_query("CREATE (:Person:Child {id: 'E1-77', given_name: 'Lily', "
                         "family_name: 'Hughes', dob: date('2025-05-12')})")
    result = run(app, write_list(tmp_path / "hv.csv", [[*LILY[:4], "", *LILY[5:]]]))
    assert count(driver, "MATCH (c:Child {given_name: 'Lily'}) RETURN count(c)") == 2
    # ... and the pair is listed for a person to decide.
    assert "1 possible duplicate(s) kept apart" in result.output
    assert "E1-hv-north-HV-1 and E1-77" in result.output
    pairs = driver.execute_query("MATCH (i:Import) RETURN i.duplicate_pairs AS pairs, "
                                 "i.possible_duplicates AS n").records[0]
    assert pairs["n"] == 1 and "E1-77" in pairs["pairs"]


def test_a_person_left_off_the_list_has_the_involvement_ended(app, driver, agency, tmp_path):
    run(app, write_list(tmp_path / "hv.csv", [LILY, DAD]))
    result = run(app, write_list(tmp_path / "hv.csv", [LILY]))
    assert kind_rows(result.output)["INVOLVED_WITH"][3] == 1
    ended = driver.execute_query("MATCH (:Adult {given_name: 'Craig'})<-[r:INVOLVED_WITH]-() "
                                 "RETURN r.`to` AS to").records[0]["to"]
    assert ended.to_native() == date.fromisoformat(AS_OF)
    assert count(driver, "MATCH (a:Adult {given_name: 'Craig'}) RETURN count(a)") == 1


@pytest.mark.parametrize(("bad", "column", "reason"), [
    ({4: "943 476 5918"}, "nhs_number", "not a valid NHS number"),
    ({8: "wizard"}, "role", "not a role the map knows"),
    ({3: ""}, "dob", "date of birth is missing"),
    ({12: "2020-01-01"}, "to", "ends before it starts"),
])
def test_a_bad_row_is_rejected_by_column_and_the_others_go_in(app, driver, agency, tmp_path,
                                                             bad, column, reason):
    broken = [bad.get(i, value) for i, value in enumerate(LILY)]
    result = run(app, write_list(tmp_path / "hv.csv", [broken, DAD]))
    assert result.exit_code == 0
    assert summary_rows(result.output)["hv.csv"] == [2, 1, 0, 1]
    assert f"hv.csv row 2, {column}: " in result.output and reason in result.output
    assert count(driver, "MATCH (a:Adult {given_name: 'Craig'}) RETURN count(a)") == 1


def test_an_unknown_agency_stops_the_import_before_anything_is_written(app, driver, tmp_path):
    result = run(app, write_list(tmp_path / "hv.csv", [LILY]), "no-such-agency")
    assert result.exit_code == 1 and "There is no agency" in result.output
    assert count(driver, "MATCH (n) RETURN count(n)") == 0
