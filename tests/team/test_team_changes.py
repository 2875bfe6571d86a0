"""The child's team: join, add a colleague, end with or without a handover, seen today,
concerns, and the rules that keep the graph true."""

import threading
from datetime import date, timedelta

import pytest

from app.team import changes
from tests.support.graph import add_adult, involve
from tests.support.store import audit_events
from tests.support.team import child_team
from tests.support.web import make_user, post_form, sign_in

CHILD = "/children/fam-1-child"


@pytest.fixture
def team(app, driver):
    return child_team(app, driver)


def end_confirmed(client, data: dict):
    """End an involvement as a person does: the form, the check of what will happen (which
    changes nothing yet), then the confirmation."""
    check = post_form(client, CHILD, f"{CHILD}/end", data)
    assert check.status_code == 200, check.get_data(as_text=True)[:2000]
    assert "Check before the involvement ends" in check.get_data(as_text=True)
    return post_form(client, CHILD, f"{CHILD}/end", {**data, "confirmed": "yes"})


def client_for(app, user):
    client = app.test_client()
    sign_in(client, user)
    return client


def snapshot(driver):
    rows = driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE NOT a:UserSession "  # sign-ins are not team changes
        "RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p").records
    return sorted(repr(r.data()) for r in rows)


def involvements(driver, professional_id):
    return [r.data() for r in driver.execute_query(
        "MATCH (:Professional {id: $p})-[i:INVOLVED_WITH]->(:Child {id: 'fam-1-child'}) "
        "RETURN i.role AS role, i.lead AS lead, i.`from` AS since, i.`to` AS ended, "
        "i.ended_reason AS reason, i.last_contact AS last_contact", p=professional_id).records]


def test_joining_shows_at_once_on_the_map_page_api_and_in_teammates_activity(app, team, driver):
    hv = client_for(app, team["hv"])
    # The health visitor works with the mother, so knows the family, and joins the child's
    # team (break-glass alone would not let them: see tests/security).
    add_adult(driver, "fam-1", "fam-1-mother", role="parent")
    involve(driver, "pro-hv", "fam-1-mother", role="health_visitor")
    response = post_form(hv, CHILD, f"{CHILD}/join",
                         {"role": "health_visitor", "since": date.today().isoformat()})
    assert response.status_code == 302
    assert "Pro HV" in hv.get("/families/fam-1").get_data(as_text=True)
    assert "Pro HV" in hv.get("/families/fam-1/map").get_data(as_text=True)
    api = hv.get("/api/v1/families/fam-1/network").get_json()
    assert any(n["id"] == "pro-hv" for n in api["nodes"])
    assert involvements(driver, "pro-hv")[0]["role"] == "health_visitor"  # with the child

    sw_feed = client_for(app, team["sw"]).get("/me").get_data(as_text=True)
    assert "Pro HV" in sw_feed and "joined the team as health visitor" in sw_feed
    assert "1 change since your last visit" in sw_feed
    assert "since your last visit" not in client_for(app, team["sw"]).get("/me").get_data(as_text=True)
    assert [e["reason"] for e in audit_events(app, action="change")] == ["join"]


def test_an_invited_colleague_sees_it_in_their_activity(app, team):
    sw = client_for(app, team["sw"])
    response = post_form(sw, CHILD, f"{CHILD}/colleagues", {
        "professional_id": "pro-school", "role": "designated_safeguarding_lead",
        "since": date.today().isoformat()})
    assert response.status_code == 302
    feed = client_for(app, team["school"]).get("/me").get_data(as_text=True)
    assert "was added to the team as designated safeguarding lead" in feed
    assert "Amy Test" in feed


def test_ending_the_lead_without_a_successor_keeps_the_history(app, team, driver):
    sw = client_for(app, team["sw"])
    inv_id = driver.execute_query("MATCH (:Professional {id: 'pro-sw'})-[i:INVOLVED_WITH]->() "
                                  "RETURN i.id AS id").records[0]["id"]
    response = end_confirmed(sw, {
        "involvement_id": inv_id, "ended": date.today().isoformat(), "reason": "left_authority",
        "successor_id": "none"})
    assert response.status_code == 302
    [ended] = involvements(driver, "pro-sw")
    assert ended["ended"].to_native() == date.today()
    assert ended["reason"] == "left_authority" and ended["lead"] is True  # kept as history
    handovers = driver.execute_query("MATCH ()-[h:HANDED_OVER_TO]->() RETURN count(h) AS n")
    assert handovers.records[0]["n"] == 0
    page = client_for(app, team["gp"]).get(CHILD).get_data(as_text=True)
    assert "Lead practitioner: <strong>none named" in page
    assert "left the team" in page


def test_a_handover_starts_the_successor_the_next_day_in_the_same_role(app, team, driver):
    sw = client_for(app, team["sw"])
    inv_id = driver.execute_query("MATCH (:Professional {id: 'pro-sw'})-[i:INVOLVED_WITH]->() "
                                  "RETURN i.id AS id").records[0]["id"]
    end_day = date.today() - timedelta(days=2)
    end_confirmed(sw, {
        "involvement_id": inv_id, "ended": end_day.isoformat(), "reason": "moved_team",
        "successor_id": "pro-hv"})
    [successor] = involvements(driver, "pro-hv")
    assert successor["role"] == "allocated_social_worker" and successor["lead"] is True
    assert successor["since"].to_native() == end_day + timedelta(days=1)
    handover = driver.execute_query(
        "MATCH (:Professional {id: 'pro-sw'})-[h:HANDED_OVER_TO]->(:Professional {id: 'pro-hv'}) "
        "RETURN h.on AS on, h.`for` AS child").records[0]
    assert handover["on"].to_native() == end_day and handover["child"] == "fam-1-child"


@pytest.mark.parametrize(("form", "field_message"), [
    ({"ended": "2000-01-01", "reason": "moved_team", "successor_id": "none"},
     "The end date must be on or after the start date"),
    ({"ended": "", "reason": "moved_team", "successor_id": "none"},
     "Enter the end date as YYYY-MM-DD"),
    ({"ended": date.today().isoformat(), "reason": "moved_team", "successor_id": ""},
     "Choose who takes over, or"),
    ({"ended": date.today().isoformat(), "reason": "moved_team", "successor_id": "pro-nobody"},
     "Choose a professional from the list"),
    ({"ended": date.today().isoformat(), "reason": "moved_team", "successor_id": "pro-gp",
      "_gp_already_sw": True}, "already in the team in this role"),
])
def test_invalid_endings_name_the_problem_and_change_nothing(app, team, driver, form, field_message):
    if form.pop("_gp_already_sw", False):
        involve(driver, "pro-gp", "fam-1-child", role="allocated_social_worker")
    inv_id = driver.execute_query("MATCH (:Professional {id: 'pro-sw'})-[i:INVOLVED_WITH]->() "
                                  "RETURN i.id AS id").records[0]["id"]
    before = snapshot(driver)
    response = post_form(client_for(app, team["sw"]), CHILD, f"{CHILD}/end",
                         {"involvement_id": inv_id, **form})
    assert response.status_code == 400
    assert field_message in response.get_data(as_text=True)
    assert snapshot(driver) == before


def test_duplicates_unknown_colleagues_and_missing_csrf_change_nothing(app, team, driver):
    sw = client_for(app, team["sw"])
    before = snapshot(driver)
    duplicate = post_form(sw, CHILD, f"{CHILD}/colleagues", {
        "professional_id": "pro-gp", "role": "gp", "since": date.today().isoformat()})
    assert "already in the team in this role" in duplicate.get_data(as_text=True)
    unknown = post_form(sw, CHILD, f"{CHILD}/colleagues", {
        "professional_id": "pro-nobody", "role": "gp", "since": date.today().isoformat()})
    assert "Choose a professional from the list" in unknown.get_data(as_text=True)
    future = post_form(sw, CHILD, f"{CHILD}/colleagues", {
        "professional_id": "pro-hv", "role": "health_visitor",
        "since": (date.today() + timedelta(days=3)).isoformat()})
    assert "The start date must be today or in the past" in future.get_data(as_text=True)
    no_token = sw.post(f"{CHILD}/colleagues", data={"professional_id": "pro-hv", "role": "gp",
                                                    "since": date.today().isoformat()})
    assert no_token.status_code == 400
    assert snapshot(driver) == before


def test_taking_over_as_lead_needs_confirmation(app, team, driver):
    gp = client_for(app, team["gp"])
    ask = post_form(gp, CHILD, f"{CHILD}/join", {"role": "key_worker", "lead": "y",
                                                 "since": date.today().isoformat()})
    assert "Confirm that the lead practitioner changes from Pro SW" in ask.get_data(as_text=True)
    confirmed = post_form(gp, CHILD, f"{CHILD}/join", {"role": "key_worker", "lead": "y",
                                                       "confirm_lead": "y",
                                                       "since": date.today().isoformat()})
    assert confirmed.status_code == 302
    leads = driver.execute_query("MATCH (p)-[i:INVOLVED_WITH {lead: true}]->(:Child) "
                                 "WHERE i.`to` IS NULL RETURN p.id AS id").records
    assert [r["id"] for r in leads] == ["pro-gp"]


def test_two_people_making_themselves_lead_at_once_leave_exactly_one_lead(app, team, driver):
    barrier = threading.Barrier(2)
    failures = []

    def take_lead(professional_id, user):
        with app.app_context():
            barrier.wait()
            try:
                changes.join("fam-1-child", professional_id, "key_worker", date.today(), True,
                             changes.Actor(user["id"], professional_id))
            except Exception as error:  # reported below
                failures.append(error)

    threads = [threading.Thread(target=take_lead, args=(p, team[k]))
               for p, k in (("pro-hv", "hv"), ("pro-school", "school"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    leads = driver.execute_query("MATCH (p)-[i:INVOLVED_WITH {lead: true}]->(:Child {id: 'fam-1-child'}) "
                                 "WHERE i.`to` IS NULL RETURN p.id AS id").records
    assert len(leads) == 1 and leads[0]["id"] in ("pro-hv", "pro-school")


def test_seen_today_records_the_contact(app, team, driver):
    driver.execute_query("MATCH (:Professional {id: 'pro-sw'})-[i:INVOLVED_WITH]->() "
                         "SET i.last_contact = date() - duration({days: 200})")
    inv_id = driver.execute_query("MATCH (:Professional {id: 'pro-sw'})-[i:INVOLVED_WITH]->() "
                                  "RETURN i.id AS id").records[0]["id"]
    post_form(client_for(app, team["sw"]), CHILD, f"{CHILD}/contact", {"involvement_id": inv_id})
    assert involvements(driver, "pro-sw")[0]["last_contact"].to_native() == date.today()


def test_concerns_from_three_agencies_prompt_a_meeting(app, team, driver):
    involve(driver, "pro-hv", "fam-1-child", role="health_visitor")
    for key in ("sw", "gp", "hv"):
        response = post_form(client_for(app, team[key]), CHILD, f"{CHILD}/concern/raise", {})
        assert response.status_code == 302
    page = client_for(app, team["sw"]).get(CHILD).get_data(as_text=True)
    assert "The team should meet" in page
    post_form(client_for(app, team["gp"]), CHILD, f"{CHILD}/concern/withdraw", {})
    assert "The team should meet" not in client_for(app, team["sw"]).get(CHILD).get_data(as_text=True)
    sw = client_for(app, team["sw"])
    again = post_form(sw, CHILD, f"{CHILD}/concern/raise", {})
    assert again.status_code == 302  # back to the child page, which says why
    assert "You have already raised a concern" in sw.get(CHILD).get_data(as_text=True)


def test_an_uninvolved_practitioner_cannot_change_the_team(app, team, driver):
    outsider = client_for(app, team["outsider"])
    before = snapshot(driver)
    response = post_form(outsider, "/me", f"{CHILD}/join",
                         {"role": "police_officer", "since": date.today().isoformat()})
    assert response.status_code == 403
    assert snapshot(driver) == before


def test_analysts_read_but_cannot_change(app, team, driver):
    analyst = client_for(app, make_user(app, "analyst"))
    assert analyst.get(CHILD).status_code == 200
    response = post_form(analyst, CHILD, f"{CHILD}/colleagues", {
        "professional_id": "pro-hv", "role": "health_visitor", "since": date.today().isoformat()})
    assert response.status_code == 403


def test_ending_the_lead_without_a_successor_shows_a_handover_gap(app, team, driver):
    inv_id = driver.execute_query("MATCH (:Professional {id: 'pro-sw'})-[i:INVOLVED_WITH]->() "
                                  "RETURN i.id AS id").records[0]["id"]
    end_confirmed(client_for(app, team["sw"]), {
        "involvement_id": inv_id, "ended": date.today().isoformat(), "reason": "left_authority",
        "successor_id": "none"})
    coordinator = client_for(app, make_user(app, "coordinator"))
    gaps = coordinator.get("/api/v1/gaps?family=fam-1&rule=handover-gap").get_json()["gaps"]
    assert [(g["child_id"], g["severity"]) for g in gaps] == [("fam-1-child", "high")]
