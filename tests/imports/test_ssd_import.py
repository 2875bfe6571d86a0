"""The Standard Safeguarding Dataset: links only to people the import holds, households by
UPRN, families named after their members."""

from __future__ import annotations

import csv
import json

from tests.imports.test_annex_a_import import count, summary_rows

AS_OF = "2026-11-01"


def table(folder, name, header, rows):
    folder.mkdir(exist_ok=True)
    with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)


def run(app, folder):
    return app.test_cli_runner().invoke(args=["import", "ssd", str(folder), "--la-code", "E1",
                                              "--as-of", AS_OF])


def people(folder):
    table(folder, "ssd_person", ["pers_person_id", "pers_sex", "pers_dob", "pers_forename",
                                 "pers_surname", "pers_expected_dob"], [
        ["P1", "F", "1990-02-03", "Dawn", "Price", ""],
        ["P2", "M", "2016-05-06", "Josh", "Price", ""],
        ["P3", "U", "", "", "Price", "2027-01-10"]])


def test_people_families_mothers_and_homes(app, driver, tmp_path):
    folder = tmp_path / "ssd"
    people(folder)
    table(folder, "ssd_family", ["fami_table_id", "fami_family_id", "fami_person_id"],
          [[1, "F9", "P1"], [2, "F9", "P2"], [3, "F9", "P3"]])
    table(folder, "ssd_mother", ["moth_table_id", "moth_person_id", "moth_childs_person_id"],
          [[1, "P1", "P2"], [2, "P1", "P3"]])
    home = json.dumps({"HOUSE": "8", "STREET": "Station Road", "TOWN": "Kingsmere",
                       "UPRN": "100012345678"})
    table(folder, "ssd_address", ["addr_table_id", "addr_person_id", "addr_address_json",
                                  "addr_address_postcode", "addr_address_start_date"],
          [[1, "P1", home, "KM31HX", "2020-01-01"], [2, "P2", home, "KM3 1HX", "2020-01-01"]])
    result = run(app, folder)
    assert result.exit_code == 0, result.output
    family = driver.execute_query("MATCH (f:Family {id: 'E1-fam-F9'})<-[m:MEMBER_OF]-(p) "
                                  "RETURN f.name AS name, collect([p.id, m.role]) AS members"
                                  ).records[0]
    assert family["name"] == "Price"
    assert sorted(family["members"]) == [["E1-P1", "parent"], ["E1-P2", "child"], ["E1-P3", "child"]]
    unborn = driver.execute_query("MATCH (c:Child {id: 'E1-P3'}) RETURN c").records[0]["c"]
    assert unborn["unborn"] is True and str(unborn["expected_date"]) == "2027-01-10"
    assert count(driver, "MATCH (:Adult {id: 'E1-P1'})-[:PARENT_OF {kind: 'birth'}]->(c) "
                         "RETURN count(c)") == 2
    homes = driver.execute_query("MATCH (h:Household)<-[:LIVES_AT]-(p) RETURN h.address AS a, "
                                 "count(p) AS n").records
    assert [(r["a"], r["n"]) for r in homes] == [("8, Station Road, Kingsmere", 2)]


def test_a_row_naming_someone_the_import_does_not_hold_is_rejected(app, driver, tmp_path):
    folder = tmp_path / "ssd"
    table(folder, "ssd_person", ["pers_person_id", "pers_sex", "pers_dob"],
          [["P1", "F", "1990-02-03"], ["P2", "M", "not a date"]])
    table(folder, "ssd_mother", ["moth_table_id", "moth_person_id", "moth_childs_person_id"],
          [[1, "P1", "P2"], [2, "P1", "P404"]])
    result = run(app, folder)
    assert result.exit_code == 0
    assert summary_rows(result.output)["ssd_mother.csv"] == [2, 0, 0, 2]
    assert "ssd_mother.csv row 3, moth_childs_person_id: no person with this id" in result.output
    assert count(driver, "MATCH ()-[r:PARENT_OF]->() RETURN count(r)") == 0


def test_a_folder_without_people_is_refused(app, driver, tmp_path):
    folder = tmp_path / "ssd"
    table(folder, "ssd_family", ["fami_table_id", "fami_family_id", "fami_person_id"], [])
    result = run(app, folder)
    assert result.exit_code == 1 and "holds no ssd_person CSV" in result.output


def test_an_involvement_the_source_no_longer_gives_shows_as_ended_on_the_map(app, driver, tmp_path):
    from tests.support.web import client_as
    folder = tmp_path / "ssd"
    people(folder)
    table(folder, "ssd_family", ["fami_table_id", "fami_family_id", "fami_person_id"],
          [[1, "F9", "P1"], [2, "F9", "P2"]])
    table(folder, "ssd_professionals", ["prof_professional_id", "prof_professional_name"],
          [["W1", "Sam Jones"]])
    table(folder, "ssd_involvements", ["invo_involvements_id", "invo_professional_id",
                                       "invo_person_id", "invo_professional_role_id",
                                       "invo_involvement_start_date"],
          [["I1", "W1", "P2", "Allocated Case Worker", "2026-01-05"]])
    assert run(app, folder).exit_code == 0
    table(folder, "ssd_involvements", ["invo_involvements_id", "invo_professional_id",
                                       "invo_person_id", "invo_professional_role_id",
                                       "invo_involvement_start_date"], [])
    assert run(app, folder).exit_code == 0
    network = client_as(app, "coordinator").get("/api/v1/families/E1-fam-F9/network").get_json()
    [edge] = [e for e in network["edges"] if e["type"] == "INVOLVED_WITH"]
    assert edge["ended"] == AS_OF and edge["source"] == "E1-pro-W1"
