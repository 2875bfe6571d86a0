"""Recording and correcting through the JSON API: the same rules and messages as the pages,
bearer tokens, one error shape, 409 when a record changed since it was read."""

from datetime import date, timedelta

import pytest

from tests.records.conftest import api_token, graph_state
from tests.support.graph import make_professional
from tests.support.store import audit_events
from tests.support.web import client_as


@pytest.fixture
def api(app, family):
    return app.test_client(), api_token(app, "coordinator")


def test_a_family_and_a_newborn_through_the_api(app, api, driver):
    client, auth = api
    created = client.post("/api/v1/families", headers=auth, json={"name": "Osei family"})
    assert created.status_code == 201
    family_id = created.get_json()["id"]
    born = (date.today() - timedelta(days=3)).isoformat()
    baby = client.post(f"/api/v1/families/{family_id}/members", headers=auth, json={
        "kind": "child", "role": "child", "given_name": "Kofi", "family_name": "Osei",
        "dob": born, "gender": "male"})
    assert baby.status_code == 201, baby.get_json()
    baby_id = baby.get_json()["id"]
    gaps = client.get(f"/api/v1/gaps?family={family_id}", headers=auth).get_json()["gaps"]
    assert ("under5-no-health-visitor", baby_id) in {(g["rule"], g["child_id"]) for g in gaps}
    network = client.get(f"/api/v1/families/{family_id}/network", headers=auth).get_json()
    assert baby_id in {n["id"] for n in network["nodes"]}


def test_the_same_field_gets_the_same_message_as_on_the_page(api, driver):
    client, auth = api
    before = graph_state(driver)
    response = client.post("/api/v1/families/fam-1/members", headers=auth, json={
        "kind": "child", "role": "child", "given_name": "Kofi", "family_name": "Osei",
        "dob": "2024-02-31", "gender": "male", "nhs_number": "1234567890"})
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert errors["dob"] == ["Enter the date of birth as YYYY-MM-DD"]
    assert errors["nhs_number"][0].startswith("Enter a valid NHS number")
    assert graph_state(driver) == before


def test_correcting_identity_needs_the_version_read_and_refuses_a_stale_one(api, driver):
    client, auth = api
    person = client.get("/api/v1/people/amy", headers=auth).get_json()
    assert person["version"] == 0 and person["dob"] == "2018-05-01"
    missing = client.post("/api/v1/people/amy", headers=auth, json={"family_name": "Hughes"})
    assert missing.status_code == 422 and "version" in missing.get_json()["errors"]
    saved = client.post("/api/v1/people/amy", headers=auth,
                        json={"family_name": "Hughes", "version": 0})
    assert saved.status_code == 200 and saved.get_json() == {"changed": ["family_name"]}
    stale = client.post("/api/v1/people/amy", headers=auth,
                        json={"nhs_number": "943 476 5919", "version": 0})
    assert stale.status_code == 409
    assert stale.get_json()["current"]["family_name"] == "Hughes"
    amy = driver.execute_query("MATCH (c:Child {id: 'amy'}) RETURN c.nhs_number AS nhs, "
                               "c.dob AS dob").records[0]
    assert amy["nhs"] is None and amy["dob"].to_native() == date(2018, 5, 1)
    event = audit_events(client.application, action="change", target_id="amy")[-1]
    assert event["reason"] == "identity: refused"


def test_members_relationships_moves_and_plans_through_the_api(api, driver):
    client, auth = api
    lee = client.post("/api/v1/families/fam-1/members", headers=auth, json={
        "kind": "adult", "role": "partner", "given_name": "Lee", "family_name": "Jones",
        "gender": "male", "dob": "1990-03-04"}).get_json()["id"]
    related = client.post(f"/api/v1/people/{lee}/relationships", headers=auth, json={
        "type": "partner_of", "other_id": "sam", "status": "current", "since": "2024-01-01"})
    assert related.status_code == 201
    moved = client.post("/api/v1/families/fam-1/moves", headers=auth, json={
        "person_ids": [lee], "household_id": "home-1"})
    assert moved.status_code == 200 and moved.get_json()["household_id"] == "home-1"
    plan = client.post("/api/v1/people/amy/plans", headers=auth, json={
        "type": "CIN", "start": date.today().isoformat()})
    assert plan.status_code == 201
    plan_id = plan.get_json()["id"]
    ended = client.post(f"/api/v1/people/amy/plans/{plan_id}", headers=auth, json={
        "end": date.today().isoformat(), "version": 1})
    assert ended.status_code == 200 and ended.get_json() == {"changed": ["end"]}
    removed = client.post("/api/v1/families/fam-1/members/remove", headers=auth,
                          json={"person_id": lee})
    assert removed.status_code == 200
    facts = driver.execute_query(
        "MATCH (l:Adult {id: $lee}) RETURN [(l)-[r:PARTNER_OF]-(:Adult {id: 'sam'}) | r.status] "
        "AS partners, [(l)-[h:LIVES_AT]->(:Household {id: 'home-1'}) | h.`from`] AS homes, "
        "[(l)-[m:MEMBER_OF]->() | m] AS now, [(l)-[w:WAS_MEMBER_OF]->() | w.`to`] AS before",
        lee=lee).records[0]
    assert facts["partners"] == ["current"] and len(facts["homes"]) == 1
    assert facts["now"] == [] and facts["before"][0].to_native() == date.today()


def test_a_practitioner_not_involved_is_refused_by_the_api(app, family, driver):
    make_professional(driver, "pro-other", name="Other Pro")
    auth = api_token(app, "practitioner", "pro-other")
    before = graph_state(driver)
    response = app.test_client().post("/api/v1/people/amy", headers=auth,
                                      json={"family_name": "X", "version": 0})
    assert response.status_code == 403
    assert graph_state(driver) == before
    assert audit_events(app, action="change", target_id="amy")[-1]["outcome"] == "denied"


def test_an_analyst_token_changes_nothing(app, family, driver):
    auth = api_token(app, "analyst")
    response = app.test_client().post("/api/v1/families/fam-1/members", headers=auth,
                                      json={"person_id": "sam", "role": "parent"})
    assert response.status_code == 403


def test_writes_need_a_token_not_the_session_cookie(app, family):
    client = client_as(app, "coordinator")
    response = client.post("/api/v1/families", json={"name": "Cookie family"})
    assert response.status_code == 401


def network(client, auth, family_id="fam-1") -> dict:
    return client.get(f"/api/v1/families/{family_id}/network", headers=auth).get_json()


def test_a_birth_a_death_and_a_leaving_show_on_the_map_at_once(api, driver):
    client, auth = api
    due = (date.today() + timedelta(days=20)).isoformat()
    baby = client.post("/api/v1/families/fam-1/members", headers=auth, json={
        "kind": "child", "role": "child", "given_name": "Baby", "family_name": "Test",
        "unborn": True, "expected_date": due, "gender": "unknown"}).get_json()["id"]
    node = next(n for n in network(client, auth)["nodes"] if n["id"] == baby)
    assert node.get("unborn") is True
    born = client.post(f"/api/v1/people/{baby}/birth", headers=auth,
                       json={"dob": date.today().isoformat(), "gender": "female"})
    assert born.status_code == 200
    node = next(n for n in network(client, auth)["nodes"] if n["id"] == baby)
    assert not node.get("unborn") and node["dob"] == date.today().isoformat()
    again = client.post(f"/api/v1/people/{baby}/birth", headers=auth,
                        json={"dob": date.today().isoformat(), "gender": "female"})
    assert again.status_code == 422 and "dob" in again.get_json()["errors"]

    died = client.post("/api/v1/people/sam/deceased", headers=auth,
                       json={"died": date.today().isoformat()})
    assert died.status_code == 200
    sam = next(n for n in network(client, auth)["nodes"] if n["id"] == "sam")
    assert sam.get("deceased") is True
    assert client.post("/api/v1/people/amy/deceased", headers=auth, json={
        "died": date.today().isoformat()}).status_code == 422  # a child, here

    client.post("/api/v1/families/fam-1/members/remove", headers=auth,
                json={"person_id": "sam"})
    assert "sam" not in {n["id"] for n in network(client, auth)["nodes"]}
