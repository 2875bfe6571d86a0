"""The map through time: as it was on a day, and what changed since a day, with the changes
made through the team's own workflow."""

from datetime import date, timedelta

import pytest

from app.team import changes
from tests.families.test_map_page import network_data
from tests.support.graph import add_plan, involve, make_family, make_professional
from tests.support.web import client_as


@pytest.fixture
def handed_over(app, driver):
    """Amy's social worker handed over to a colleague ten days ago; a health visitor joined
    three days ago. Her plan's initial conference was twenty days ago."""
    make_family(driver, "fam-1", "Test family", child_id="amy", dob=date(2024, 5, 1))
    make_professional(driver, "pro-old", name="Olive Old")
    make_professional(driver, "pro-new", name="Nadia New")
    make_professional(driver, "pro-hv", name="Hana Visitor", agency_type="health_visiting")
    involve(driver, "pro-old", "amy", since=date.today() - timedelta(days=300), lead=True)
    add_plan(driver, "amy", "CP", date.today() - timedelta(days=20))
    inv = driver.execute_query("MATCH (:Professional {id: 'pro-old'})-[i:INVOLVED_WITH]->() "
                               "RETURN i.id AS id").records[0]["id"]
    actor = changes.Actor("coordinator-user", None)
    with app.app_context():
        changes.end("amy", inv, date.today() - timedelta(days=10), "moved_team", "pro-new",
                    actor, may_end_others=True)
        changes.join("amy", "pro-hv", "health_visitor", date.today() - timedelta(days=3),
                     False, actor)
    return client_as(app, "coordinator")


def drawn_professionals(client, query=""):
    html = client.get(f"/families/fam-1/map{query}").get_data(as_text=True)
    return {n["id"]: n for n in network_data(html)["nodes"] if n["kind"] == "professional"}, html


def test_the_map_as_it_was_before_the_handover(handed_over):
    before = (date.today() - timedelta(days=15)).isoformat()
    professionals, html = drawn_professionals(handed_over, f"?as_of={before}")
    assert set(professionals) == {"pro-old"}
    assert "LEAD" in professionals["pro-old"]["label"]  # still the lead then
    assert 'id="as-of"' in html
    today, _ = drawn_professionals(handed_over)
    assert set(today) >= {"pro-new", "pro-hv"} and today["pro-old"]["hidden"]


def test_what_changed_since_the_last_conference(handed_over):
    professionals, html = drawn_professionals(handed_over)
    changes_list = html.split('id="changes-list"')[1].split("</ul>")[0]
    assert "(the last conference)" in html
    lines = [" ".join(li.split()) for li in changes_list.split("<li>")[1:]]
    assert len(lines) == 3, lines
    assert "Olive Old handed over as allocated social worker for Amy Test to Nadia New" in lines[0]
    assert "Nadia New joined as allocated social worker for Amy Test" in lines[1]
    assert "Hana Visitor joined as health visitor for Amy Test" in lines[2]
    assert professionals["pro-hv"]["label"].split("\n")[1].endswith("· NEW")
    # Since a later day, only what came after it.
    after = (date.today() - timedelta(days=5)).isoformat()
    _, html = drawn_professionals(handed_over, f"?since={after}")
    later = html.split('id="changes-list"')[1].split("</ul>")[0]
    assert "Hana Visitor joined" in later and "Olive Old" not in later


def test_a_date_that_is_not_one_is_named_and_the_map_still_shows(handed_over):
    response = handed_over.get("/families/fam-1/map?as_of=yesterday")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Enter the date as YYYY-MM-DD" in html and 'id="network-data"' in html


def test_the_same_through_the_api(handed_over):
    before = (date.today() - timedelta(days=15)).isoformat()
    body = handed_over.get(f"/api/v1/families/fam-1/network?as_of={before}").get_json()
    ongoing = {e["source"] for e in body["edges"]
               if e["type"] == "INVOLVED_WITH" and "ended" not in e}
    assert ongoing == {"pro-old"}
    changed = handed_over.get("/api/v1/families/fam-1/changes").get_json()
    assert changed["since"] == (date.today() - timedelta(days=20)).isoformat()
    assert [(c["kind"], c["professional_id"]) for c in changed["changes"]] == [
        ("handed_over", "pro-old"), ("joined", "pro-new"), ("joined", "pro-hv")]
    bad = handed_over.get("/api/v1/families/fam-1/changes?since=soon")
    assert bad.status_code == 422 and "since" in bad.get_json()["errors"]
