"""The directory, as an admin or a coordinator keeps it: agencies, professionals, the account
a professional signs in with, and a leaver's handovers on one page, all or nothing."""

from datetime import date, timedelta

import pytest

from tests.records.conftest import day_month_year, graph_state
from tests.support.graph import involve, make_family, make_professional
from tests.support.store import audit_events
from tests.support.web import client_as, make_user, post_form, sign_in


def test_an_agency_and_its_new_school_nurse(app, driver):
    admin = client_as(app, "admin")
    added = post_form(admin, "/directory/agencies/new", "/directory/agencies/new",
                      {"name": "Northgate School Nursing", "type": "school_nursing"})
    assert added.status_code == 302
    agency_id = added.headers["Location"].rsplit("/", 1)[1]
    page = f"/directory/professionals/new?agency={agency_id}"
    nurse = post_form(admin, page, page, {
        "name": "Priya Shah", "job_title": "School nurse", "agency_id": agency_id,
        "email": "priya.shah@nhs.example", "phone": "01632 960 123"})
    assert nurse.status_code == 302
    row = driver.execute_query(
        "MATCH (p:Professional {name: 'Priya Shah'})-[:WORKS_FOR]->(a:Agency) "
        "RETURN p.email AS email, p.sensitive_role AS sensitive, a.id AS agency").records[0]
    assert row["email"] == "priya.shah@nhs.example" and row["agency"] == agency_id
    assert row["sensitive"] is False
    listing = admin.get(f"/directory/agencies/{agency_id}").get_data(as_text=True)
    assert "Priya Shah" in listing and "01632 960 123" in listing
    events = [e["reason"] for e in audit_events(app, action="change")]
    assert any(r.startswith("professional_added: ") and "email" in r for r in events)
    assert not any("Priya" in (r or "") for r in events)


def test_bad_details_are_named_and_change_nothing(app, driver):
    make_professional(driver, "pro-1", name="Pat Pro")
    coordinator = client_as(app, "coordinator")
    before = graph_state(driver)
    page = "/directory/professionals/pro-1"
    response = post_form(coordinator, page, page, {
        "name": "Pat Pro", "job_title": "Worker", "agency_id": "agency-childrens_social_care",
        "email": "not an email", "phone": "call me", "version": "0"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Enter an email address in the correct format" in html
    assert "Enter a telephone number" in html
    assert graph_state(driver) == before


def test_moving_a_professional_to_another_agency_keeps_the_old_link_dated(app, driver):
    make_professional(driver, "pro-1", name="Pat Pro")
    make_professional(driver, "pro-2", name="Other", agency_type="health_visiting")
    coordinator = client_as(app, "coordinator")
    page = "/directory/professionals/pro-1"
    response = post_form(coordinator, page, page, {
        "name": "Pat Pro", "job_title": "Health visitor", "agency_id": "agency-health_visiting",
        "email": "pat@nhs.example", "phone": "", "version": "0"})
    assert response.status_code == 302
    links = driver.execute_query(
        "MATCH (:Professional {id: 'pro-1'})-[r]->(a:Agency) RETURN type(r) AS t, a.id AS a, "
        "r.`to` AS until ORDER BY t").records
    assert [(r["t"], r["a"]) for r in links] == [
        ("WORKED_FOR", "agency-childrens_social_care"), ("WORKS_FOR", "agency-health_visiting")]
    assert links[0]["until"].to_native() == date.today()


def test_linking_an_account_gives_it_the_professionals_families(app, driver):
    make_family(driver, "fam-1", "Test family")
    make_professional(driver, "pro-1", name="Pat Pro")
    involve(driver, "pro-1", "fam-1-child")
    user = make_user(app, "practitioner")
    practitioner = app.test_client()
    sign_in(practitioner, user)
    assert practitioner.get("/families/fam-1").status_code == 403
    admin = client_as(app, "admin")
    page = "/directory/professionals/pro-1"
    response = post_form(admin, page, f"{page}/account", {"user_id": user["id"]})
    assert response.status_code == 302
    assert user["email"] in admin.get(page).get_data(as_text=True)
    assert practitioner.get("/families/fam-1").status_code == 200


@pytest.fixture
def leaver(app, driver):
    """A social worker, lead for Amy and working with her mother, about to leave."""
    make_family(driver, "fam-1", "Test family", child_id="amy")
    driver.execute_query("MATCH (f:Family {id: 'fam-1'}) CREATE (:Person:Adult {id: 'mum', "
                         "given_name: 'Jo', family_name: 'Test'})-[:MEMBER_OF {role: 'parent'}]->(f)")
    make_professional(driver, "pro-leaver", name="Lee Leaver")
    make_professional(driver, "pro-next", name="Nia Next")
    involve(driver, "pro-leaver", "amy", lead=True)
    involve(driver, "pro-leaver", "mum", role="key_worker")
    ids = {r["person"]: r["id"] for r in driver.execute_query(
        "MATCH (:Professional {id: 'pro-leaver'})-[i:INVOLVED_WITH]->(p) "
        "RETURN p.id AS person, i.id AS id").records}
    return ids


def test_a_leaver_hands_over_every_involvement_after_a_check(app, driver, leaver):
    coordinator = client_as(app, "coordinator")
    page = "/directory/professionals/pro-leaver/leaving"
    last_day = date.today() - timedelta(days=1)
    form = {**day_month_year("left", last_day), f"successor_{leaver['amy']}": "pro-next",
            f"successor_{leaver['mum']}": "none"}
    check = post_form(coordinator, page, page, form)
    html = check.get_data(as_text=True)
    assert check.status_code == 200 and 'id="check-answers"' in html
    assert "Nia Next" in html and "No successor" in html
    assert driver.execute_query("MATCH (p:Professional {id: 'pro-leaver'}) RETURN p.left AS l"
                                ).records[0]["l"] is None  # the check changed nothing
    done = post_form(coordinator, page, page, {**form, "confirmed": "yes"})
    assert done.status_code == 302
    rows = {r["p"] + ">" + r["x"]: r for r in driver.execute_query(
        "MATCH (p:Professional)-[i:INVOLVED_WITH]->(x:Person) RETURN p.id AS p, x.id AS x, "
        "i.`to` AS until, i.`from` AS since, i.lead AS lead, i.ended_reason AS reason").records}
    assert rows["pro-leaver>amy"]["until"].to_native() == last_day
    assert rows["pro-leaver>amy"]["reason"] == "left_authority"
    assert rows["pro-next>amy"]["since"].to_native() == date.today()
    assert rows["pro-next>amy"]["lead"] is True
    assert rows["pro-leaver>mum"]["until"].to_native() == last_day
    assert "pro-next>mum" not in rows
    # Someone who has left is no longer offered as a successor or a colleague.
    coordinator.get("/")  # (shows the flashed message)
    page = coordinator.get("/children/amy/colleagues").get_data(as_text=True)
    choices = page.split('name="professional_id"')[1].split("</select>")[0]
    assert "Nia Next" in choices and "Lee Leaver" not in choices


def test_a_leaver_with_one_choice_missing_changes_nothing(app, driver, leaver):
    coordinator = client_as(app, "coordinator")
    before = graph_state(driver)
    page = "/directory/professionals/pro-leaver/leaving"
    response = post_form(coordinator, page, page, {
        **day_month_year("left", date.today()), f"successor_{leaver['amy']}": "pro-next",
        "confirmed": "yes"})
    assert response.status_code == 400
    assert "Choose who takes over, or “No successor”" in response.get_data(as_text=True)
    assert graph_state(driver) == before


@pytest.mark.parametrize("role", ["practitioner", "analyst"])
def test_only_admins_and_coordinators_keep_the_directory(app, driver, role):
    make_professional(driver, "pro-1", name="Pat Pro")
    client = client_as(app, role)
    for page in ("/directory", "/directory/agencies/new", "/directory/professionals/pro-1",
                 "/directory/professionals/pro-1/leaving"):
        assert client.get(page).status_code == 403, page


def test_the_directory_through_the_api(app, driver, leaver):
    from tests.records.conftest import api_token
    auth = api_token(app, "coordinator")
    api = app.test_client()
    agency = api.post("/api/v1/agencies", headers=auth,
                      json={"name": "Eastside Health Visiting", "type": "health_visiting"})
    assert agency.status_code == 201
    agency_id = agency.get_json()["id"]
    bad = api.post("/api/v1/professionals", headers=auth, json={
        "name": "Hana Visitor", "job_title": "Health visitor", "agency_id": "nowhere"})
    assert bad.status_code == 422 and "agency_id" in bad.get_json()["errors"]
    hana = api.post("/api/v1/professionals", headers=auth, json={
        "name": "Hana Visitor", "job_title": "Health visitor", "agency_id": agency_id,
        "email": "hana@nhs.example", "sensitive_role": False})
    assert hana.status_code == 201
    hana_id = hana.get_json()["id"]
    changed = api.post(f"/api/v1/professionals/{hana_id}", headers=auth,
                       json={"phone": "01632 960 777", "version": 1})
    assert changed.status_code == 200 and changed.get_json() == {"changed": ["phone"]}
    stale = api.post(f"/api/v1/professionals/{hana_id}", headers=auth,
                     json={"phone": "01632 960 000", "version": 1})
    assert stale.status_code == 409
    renamed = api.post(f"/api/v1/agencies/{agency_id}", headers=auth,
                       json={"name": "Eastside HV", "version": 1})
    assert renamed.status_code == 200

    user = make_user(app, "practitioner")
    linked = api.post(f"/api/v1/professionals/{hana_id}/account", headers=auth,
                      json={"user_id": user["id"]})
    assert linked.status_code == 200

    leaving = api.get("/api/v1/professionals/pro-leaver", headers=auth).get_json()
    ids = {i["person_id"]: i["id"] for i in leaving["involvements"]}
    missing = api.post("/api/v1/professionals/pro-leaver/leaving", headers=auth,
                       json={"successors": {ids["amy"]: hana_id}})
    assert missing.status_code == 422
    assert f"successor_{ids['mum']}" in missing.get_json()["errors"]
    done = api.post("/api/v1/professionals/pro-leaver/leaving", headers=auth,
                    json={"successors": {ids["amy"]: hana_id, ids["mum"]: None}})
    assert done.status_code == 200 and done.get_json() == {"ended": 2}
    assert driver.execute_query(
        "MATCH (:Professional {id: $id})-[i:INVOLVED_WITH]->(:Child {id: 'amy'}) "
        "RETURN i.lead AS lead", id=hana_id).records[0]["lead"] is True


def test_a_professional_joins_an_agency_recorded_by_another_server_process(app, driver):
    """The lists keep the area's agencies for a minute, but a form that takes an agency
    accepts one recorded a moment ago elsewhere (another worker, an import)."""
    admin = client_as(app, "admin")
    page = "/directory/professionals/new"
    assert admin.get(page).status_code == 200  # the agencies as they were then
    make_professional(driver, "pro-elsewhere", agency_type="school_nursing")  # behind its back
    nurse = post_form(admin, page, page, {
        "name": "Priya Shah", "job_title": "School nurse", "agency_id": "agency-school_nursing",
        "email": "priya.shah@nhs.example", "phone": "01632 960 123"})
    assert nurse.status_code == 302
