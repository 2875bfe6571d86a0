"""Imports beside what people record: a return never overwrites a correction made in the app,
and after a merge it writes to the record kept, never again to the merged one."""

import pytest

from app.extensions import get_db
from app.records import merges
from tests.imports.test_agency_list_import import DAD, LILY, agency, run, write_list  # noqa: F401


def lily(driver) -> dict:
    return driver.execute_query("MATCH (c:Child {given_name: 'Lily'}) RETURN c.id AS id, "
                                "c.family_name AS family_name").records[0].data()


@pytest.mark.usefixtures("agency")
def test_a_correction_made_in_the_app_survives_the_next_return(app, driver, tmp_path):
    path = write_list(tmp_path / "hv.csv", [LILY, DAD])
    assert run(app, path).exit_code == 0
    driver.execute_query("MATCH (c:Child {given_name: 'Lily'}) "
                         "SET c.family_name = 'Hughes-Okafor', c.version = 1")
    again = run(app, path)
    assert again.exit_code == 0, again.output
    assert lily(driver)["family_name"] == "Hughes-Okafor"


@pytest.mark.usefixtures("agency")
def test_after_a_merge_the_return_writes_to_the_record_kept(app, driver, tmp_path):
    path = write_list(tmp_path / "hv.csv", [LILY])
    assert run(app, path).exit_code == 0
    imported = lily(driver)["id"]
    driver.execute_query("CREATE (:Person:Child {id: 'by-hand', given_name: 'Lily', "
                         "family_name: 'Hughes', version: 1})")
    with app.app_context():
        merges.merge("by-hand", imported, "Same child", "user-1")
    assert run(app, path).exit_code == 0
    facts = driver.execute_query(
        "MATCH (t:Person {id: $imported}), (k:Person {id: 'by-hand'}) "
        "RETURN COUNT { (t)--() } AS on_tombstone, COUNT { (k)<-[:INVOLVED_WITH]-() } AS team, "
        "COUNT { (k)-[:LIVES_AT]->() } AS homes, k.nhs_number AS nhs",
        imported=imported).records[0]
    assert facts["on_tombstone"] == 1  # its MERGED_INTO only
    assert facts["team"] == 1 and facts["homes"] == 1
    assert facts["nhs"] == "943 476 5919"
    with app.app_context():
        assert get_db().read("access/merged_into", person_id=imported)[0]["id"] == "by-hand"
