"""The import page: a coordinator uploads, sees the dry run, confirms, downloads the rejected
rows; other roles cannot reach it."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest

from tests.imports import files
from tests.imports.files import row
from tests.imports.test_annex_a_import import count
from tests.support.web import client_as, csrf_token

GOOD = row(7, **{"Child Unique ID": "C1", "Gender": "a) Male", "Date of Birth": "03/04/2015",
                 "Child Protection Plan Start Date": "2026-06-01",
                 "Allocated Team": "Team 1", "Allocated Worker": "Sam Jones"})
FORMULA = row(7, **{"Child Unique ID": "C2", "Date of Birth": "=HYPERLINK(\"http://x\")",
                    "Child Protection Plan Start Date": "2026-06-01"})


def upload(client, path_or_bytes, name, kind="annex-a", **fields):
    data = path_or_bytes.read_bytes() if hasattr(path_or_bytes, "read_bytes") else path_or_bytes
    token = csrf_token(client.get("/imports").get_data(as_text=True))
    return client.post("/imports", data={
        "csrf_token": token, "kind": kind, "la_code": "E1", "as_of": "2026-11-01",
        "agency_id": "", **fields, "file": (io.BytesIO(data), name)})


def test_a_coordinator_checks_confirms_and_downloads_the_rejected_rows(app, driver, tmp_path):
    coordinator = client_as(app, "coordinator")
    check = upload(coordinator, files.annex_a(tmp_path / "return.xlsx", {7: [GOOD, FORMULA]}),
                   "return.xlsx")
    page = check.get_data(as_text=True)
    assert check.status_code == 200 and "Check what the import will do" in page
    assert re.search(r"Children</td>\s*<td[^>]*>1</td>", page)  # one child to create
    assert count(driver, "MATCH (n) WHERE NOT n:Import RETURN count(n)") == 0
    pending = re.search(r'name="pending_id" type="hidden" value="([^"]+)"', page).group(1)
    dry_rejected = coordinator.get(f"/imports/{pending}/rejected.csv")
    assert dry_rejected.status_code == 200

    done = coordinator.post("/imports/confirm", data={"csrf_token": csrf_token(page),
                                                      "pending_id": pending})
    assert done.status_code == 302
    record_page = coordinator.get(done.headers["Location"]).get_data(as_text=True)
    assert "return.xlsx" in record_page and "Download the 1 rejected rows" in record_page
    assert count(driver, "MATCH (c:Child {id: 'E1-C1'}) RETURN count(c)") == 1
    import_id = done.headers["Location"].rsplit("/", 1)[1]
    rejected = list(csv.reader(io.StringIO(
        coordinator.get(f"/imports/{import_id}/rejected.csv").get_data(as_text=True))))
    assert rejected[0] == ["file", "sheet", "row", "column", "value", "reason"]
    assert rejected[1][:4] == ["return.xlsx", "List_7", "4", "Date of Birth"]
    # A formula in the source never becomes a formula in the download.
    assert rejected[1][4].startswith("'=")
    history = coordinator.get("/imports").get_data(as_text=True)
    assert 'id="import-history"' in history and "return.xlsx" in history
    # Confirming twice applies nothing twice: the upload is gone.
    again = coordinator.post("/imports/confirm", data={"csrf_token": csrf_token(page),
                                                       "pending_id": pending})
    assert again.status_code == 404


def test_only_the_uploader_can_confirm(app, driver, tmp_path):
    first, second = client_as(app, "coordinator"), client_as(app, "coordinator")
    page = upload(first, files.annex_a(tmp_path / "a.xlsx", {7: [GOOD]}), "a.xlsx").get_data(as_text=True)
    pending = re.search(r'name="pending_id" type="hidden" value="([^"]+)"', page).group(1)
    token = csrf_token(second.get("/imports").get_data(as_text=True))
    assert second.post("/imports/confirm", data={"csrf_token": token,
                                                 "pending_id": pending}).status_code == 404
    assert count(driver, "MATCH (c:Child) RETURN count(c)") == 0


@pytest.mark.parametrize(("data", "name", "kind", "message"), [
    (b"Child Unique ID,Gender\n1,Male\n", "return.xlsx", "annex-a", "is not an Excel workbook"),
    (b"", "return.xlsx", "annex-a", "is empty"),
    (b"not a zip", "ssd.zip", "ssd", "is not a .zip"),
    (b"x", "list.pdf", "agency-list", "is not a .csv or .xlsx file"),
])
def test_a_file_of_another_kind_gets_a_message_at_the_file_field(app, driver, data, name, kind,
                                                               message):
    response = upload(client_as(app, "coordinator"), data, name, kind=kind,
                      agency_id="ag" if kind == "agency-list" else "")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert re.search(r'id="file-error"[^>]*>\s*<span[^>]*>Error:</span>[^<]*' + re.escape(message),
                     html)


def test_an_ssd_zip_is_unpacked_without_following_its_paths(app, driver, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        zipped.writestr("../../escape/ssd_person.csv", "pers_person_id,pers_sex,pers_dob\nP1,F,2015-01-02\n")
    response = upload(client_as(app, "coordinator"), buffer.getvalue(), "ssd.zip", kind="ssd")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert not (tmp_path.parent / "escape").exists()


def test_an_agency_list_needs_its_agency(app, driver):
    response = upload(client_as(app, "coordinator"), b"person_id\n", "hv.csv", kind="agency-list")
    assert response.status_code == 400
    assert "Choose the agency whose list this is" in response.get_data(as_text=True)


@pytest.mark.parametrize("role", ["practitioner", "analyst"])
def test_practitioners_and_analysts_cannot_import(app, role):
    client = client_as(app, role)
    assert client.get("/imports").status_code == 403
    assert client.post("/imports", data={}).status_code in (400, 403)
    assert client.get("/imports/00000000-0000-0000-0000-000000000000").status_code == 403
    assert client.get("/imports/00000000-0000-0000-0000-000000000000/rejected.csv").status_code == 403
    assert 'href="/imports"' not in client.get("/").get_data(as_text=True)


def test_coordinators_and_admins_find_the_page(app):
    for role in ("coordinator", "admin"):
        assert 'href="/imports"' in client_as(app, role).get("/").get_data(as_text=True)


def test_a_file_over_the_limit_gets_a_page_that_says_so(app, monkeypatch):
    client = client_as(app, "coordinator")
    token = csrf_token(client.get("/imports").get_data(as_text=True))
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 10_000)
    response = client.post("/imports", data={"csrf_token": token, "kind": "annex-a",
                                             "file": (io.BytesIO(b"x" * 20_000), "big.xlsx")})
    assert response.status_code == 413
    assert "the largest file the service takes is" in response.get_data(as_text=True)


def test_the_check_page_lists_possible_duplicates(app, driver):
    driver.execute_query("CREATE (:Agency {id: 'hv', name: 'Health visiting', type: 'health_visiting'}), "
                         "(:Person:Child {id: 'known', given_name: 'Lily', family_name: 'Hughes', "
                         "dob: date('2025-05-12')})")
    listing = (b"person_id,given_name,family_name,dob,professional_name,role\n"
               b"HV-1,Lily,Hughes,12/05/2025,Priya Shah,health_visitor\n")
    page = upload(client_as(app, "coordinator"), listing, "hv.csv", kind="agency-list",
                  agency_id="hv").get_data(as_text=True)
    table = page.split('id="possible-duplicates"')[1].split("</table>")[0]
    assert "E1-hv-HV-1" in table and "known" in table


def test_uploads_nobody_confirmed_are_gone_after_a_day(app, tmp_path):
    import os
    from pathlib import Path
    coordinator = client_as(app, "coordinator")
    page = upload(coordinator, files.annex_a(tmp_path / "a.xlsx", {7: [GOOD]}), "a.xlsx")
    pending = re.search(r'name="pending_id" type="hidden" value="([^"]+)"',
                        page.get_data(as_text=True)).group(1)
    folder = Path(app.config["IMPORT_FOLDER"]) / "pending" / pending
    day_ago = folder.stat().st_mtime - 25 * 60 * 60
    os.utime(folder, (day_ago, day_ago))
    upload(coordinator, files.annex_a(tmp_path / "b.xlsx", {7: [GOOD]}), "b.xlsx")
    assert not folder.exists()
    assert coordinator.get(f"/imports/{pending}/rejected.csv").status_code == 404
