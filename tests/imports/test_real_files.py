"""Returns as they really come: each quirk in a file the test writes, imported as a new user
would import it, with what they would see (the summary, the graph)."""

from __future__ import annotations

import os
from datetime import date, datetime

import pytest

from tests.imports import files
from tests.imports.files import LIST_HEADERS, row
from tests.imports.test_annex_a_import import count, run_import, summary_rows


def cp_row(**changes):
    values = {"Child Unique ID": "C1", "Gender": "a) Male", "Date of Birth": "03/04/2015",
              "Child Protection Plan Start Date": "2026-06-01", "Latest Category of Abuse": "Neglect",
              "Allocated Team": "Team 1", "Allocated Worker": "Sam Jones"}
    return row(7, **{**values, **changes})


def child(driver, child_id="E1-C1"):
    records = driver.execute_query("MATCH (c:Child {id: $id}) RETURN c", {"id": child_id}).records
    return records[0]["c"] if records else None


@pytest.mark.parametrize("title_row", [True, False])
@pytest.mark.parametrize("sheet_name", ["List {n}", "List_{n}", "List{n}", "list {n} - return"])
def test_sheet_names_and_title_rows_as_areas_write_them(app, driver, tmp_path, sheet_name, title_row):
    path = files.annex_a(tmp_path / "a.xlsx", {7: [cp_row()]}, sheet_name=sheet_name,
                         title_row=title_row)
    result = run_import(app, path)
    assert result.exit_code == 0, result.output
    assert child(driver)["dob"].to_native() == date(2015, 4, 3)
    assert count(driver, "MATCH (p:Plan {type: 'CP'}) RETURN count(p)") == 1


def test_headers_match_whatever_their_case_spacing_and_punctuation(app, driver, tmp_path):
    messy = [f"  {h.upper().replace(' ', '  ')}. " if i % 2 else h.lower().replace(" ", "_")
             for i, h in enumerate(LIST_HEADERS[7])]
    path = files.annex_a(tmp_path / "a.xlsx", {7: [cp_row()]}, headers={7: messy})
    assert run_import(app, path).exit_code == 0
    assert child(driver)["gender"] == "male"
    assert count(driver, "MATCH (:Professional {name: 'Sam Jones'}) RETURN count(*)") == 1


@pytest.mark.parametrize(("code", "gender"), [
    ("a) Male", "male"), ("Male", "male"), ("b)Female", "female"), ("B) FEMALE", "female"),
    ("c) Not stated/recorded (or unborn)", "unknown"), ("d) Neither", "unknown"),
])
def test_codes_with_or_without_their_prefix(app, driver, tmp_path, code, gender):
    run_import(app, files.annex_a(tmp_path / "a.xlsx", {7: [cp_row(Gender=code)]}))
    assert child(driver)["gender"] == gender


@pytest.mark.parametrize("value", [
    datetime(2015, 4, 3), 42097, "03/04/2015", "2015-04-03", " 03 / 04 / 2015 ", "3 Apr 2015",
    "2015-04-03 00:00:00",
])
def test_dates_as_excel_dates_serials_or_text(app, driver, tmp_path, value):
    run_import(app, files.annex_a(tmp_path / "a.xlsx", {7: [cp_row(**{"Date of Birth": value})]}))
    assert child(driver)["dob"].to_native() == date(2015, 4, 3)


def test_a_formula_is_never_evaluated_and_its_row_is_rejected_with_the_reason(app, driver, tmp_path):
    path = files.annex_a(tmp_path / "a.xlsx", {7: [
        cp_row(**{"Date of Birth": "=DATE(2015,4,3)"}),
        cp_row(**{"Child Unique ID": "C2"})]})
    result = run_import(app, path)
    assert result.exit_code == 0
    assert summary_rows(result.output)["a.xlsx / List_7"] == [2, 1, 0, 1]
    assert "List_7 row 3, Date of Birth: a formula" in result.output
    assert child(driver) is None and child(driver, "E1-C2") is not None


def test_non_breaking_spaces_in_names_are_spaces(app, driver, tmp_path):
    path = files.annex_a(tmp_path / "a.xlsx", {
        7: [cp_row(**{"Allocated Worker": "Sam\u00a0Jones "})],
        6: [row(6, **{"Child Unique ID": "C2", "CIN Start Date": "2026-01-01",
                      "Allocated Team": "Team\u00a01", "Allocated Worker": " Sam  Jones"})]})
    run_import(app, path)
    names = driver.execute_query("MATCH (p:Professional) RETURN p.name AS name").records
    assert [r["name"] for r in names] == ["Sam Jones"]


@pytest.mark.parametrize("blank", ["#N/A", "N/A", "", None, "   "])
def test_blanks_written_as_na_are_blanks(app, driver, tmp_path, blank):
    path = files.annex_a(tmp_path / "a.xlsx", {7: [
        cp_row(**{"Latest Category of Abuse": blank, "Allocated Worker": blank}),
        cp_row(**{"Child Unique ID": blank})]})
    result = run_import(app, path)
    assert summary_rows(result.output)["a.xlsx / List_7"] == [2, 1, 0, 1]
    assert "Child Unique ID: the child's id is missing" in result.output
    assert count(driver, "MATCH (p:Professional) RETURN count(p)") == 0


def test_ages_are_ignored_and_blank_rows_are_not_rows(app, driver, tmp_path):
    path = files.annex_a(tmp_path / "a.xlsx", {7: [
        cp_row(**{"Age of Child (Years)": 11.58}), [None] * len(LIST_HEADERS[7]),
        ["", "  ", None], cp_row(**{"Child Unique ID": "C2", "Age of Child (Years)": "n/a"})]})
    result = run_import(app, path)
    assert summary_rows(result.output)["a.xlsx / List_7"] == [2, 2, 0, 0]
    assert child(driver)["dob"].to_native() == date(2015, 4, 3)


def test_a_folder_of_csvs_named_by_list(app, driver, tmp_path):
    folder = files.annex_a_csvs(tmp_path / "return", {7: [cp_row()]}, name="list_{n} - annex a.csv")
    result = run_import(app, folder)
    assert result.exit_code == 0, result.output
    assert summary_rows(result.output)["list_7 - annex a.csv"] == [1, 1, 0, 0]
    assert child(driver)["dob"].to_native() == date(2015, 4, 3)


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.write_text("Child Unique ID,Gender\n1,a) Male\n"), "is not an Excel workbook"),
    (lambda p: p.write_bytes(b""), "is empty"),
    (lambda p: (p.write_bytes(b""), os.truncate(p, 200_000_000)),
     "the largest file an import takes is 100 MB"),
    (lambda p: p.write_bytes(b"PK\x03\x04 but not really a zip"), "could not be opened"),
])
def test_a_file_of_another_kind_is_refused_with_a_message(app, driver, tmp_path, make, message):
    path = tmp_path / "return.xlsx"
    make(path)
    result = run_import(app, path)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert count(driver, "MATCH (n) RETURN count(n)") == 0
