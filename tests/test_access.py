"""The need-to-know rule, break-glass and the audit of every access, through the pages."""

import pytest

from tests.support.graph import add_adult, involve, make_family, make_professional
from tests.support.store import audit_events
from tests.support.web import make_user, post_form, sign_in

FAMILY = "/families/fam-1"


@pytest.fixture
def world(app, driver):
    """A family, and one user of every kind: involved, recently involved, involved long ago,
    not involved, coordinator, analyst, admin."""
    ids = make_family(driver, "fam-1", "Test family", given_name="Amy")
    make_family(driver, "fam-2", "Other family", given_name="Ben")
    for pro in ("pro-now", "pro-recent", "pro-long-ago", "pro-elsewhere"):
        make_professional(driver, pro, name=pro)
    involve(driver, "pro-now", ids["child_id"])
    involve(driver, "pro-recent", ids["child_id"], ended_days_ago=30)
    involve(driver, "pro-long-ago", ids["child_id"], ended_days_ago=200)
    involve(driver, "pro-elsewhere", "fam-2-child")
    return {
        "involved": make_user(app, "practitioner", "pro-now"),
        "recent": make_user(app, "practitioner", "pro-recent"),
        "long_ago": make_user(app, "practitioner", "pro-long-ago"),
        "other": make_user(app, "practitioner", "pro-elsewhere"),
        "coordinator": make_user(app, "coordinator"),
        "analyst": make_user(app, "analyst"),
        "admin": make_user(app, "admin"),
    }


FAMILY_RULE = {None: 302, "involved": 200, "recent": 200, "long_ago": 403, "other": 403,
               "coordinator": 200, "analyst": 200, "admin": 403}
ROUTES = {
    # route: {who: expected status}; `None` means not signed in.
    FAMILY: FAMILY_RULE,
    f"{FAMILY}/map": FAMILY_RULE,
    f"{FAMILY}/network.json": FAMILY_RULE,
    "/api/v1/families/fam-1/network": {**FAMILY_RULE, None: 401},
    "/search": {None: 302, "involved": 200, "coordinator": 200, "analyst": 200, "admin": 403},
    "/audit": {None: 302, "involved": 403, "coordinator": 403, "analyst": 403, "admin": 200},
    "/audit/break-glass": {None: 302, "involved": 403, "coordinator": 200, "analyst": 403,
                           "admin": 403},
    "/audit/my-families": {None: 302, "involved": 200, "coordinator": 403, "admin": 403},
    "/admin/users": {None: 302, "involved": 403, "coordinator": 403, "analyst": 403,
                     "admin": 200},
    "/admin/users/new": {None: 302, "other": 403, "admin": 200},
}
CASES = [(route, who, status) for route, table in ROUTES.items() for who, status in table.items()]


@pytest.mark.parametrize(("route", "who", "status"), CASES, ids=[f"{r}-{w}" for r, w, _ in CASES])
def test_role_by_route_by_involvement(app, world, route, who, status):
    client = app.test_client()
    if who:
        sign_in(client, world[who])
    response = client.get(route)
    assert response.status_code == status
    if status == 302:
        assert response.headers["Location"].startswith("/login")


def test_each_family_page_view_adds_exactly_one_audit_record(app, world, driver):
    client = app.test_client()
    sign_in(client, world["involved"])
    client.get(FAMILY)
    client.get(FAMILY)
    events = audit_events(app, action="view_family", target_id="fam-1")
    assert len(events) == 2
    assert {e["user_id"] for e in events} == {world["involved"]["id"]}
    assert {e["outcome"] for e in events} == {"allowed"}


def test_a_denial_is_audited_and_the_family_is_not_shown(app, world, driver):
    client = app.test_client()
    sign_in(client, world["other"])
    response = client.get(FAMILY)
    assert response.status_code == 403
    html = response.get_data(as_text=True)
    assert "Amy" not in html and "Test family" not in html
    [event] = audit_events(app, action="view_family", target_id="fam-1")
    assert event["outcome"] == "denied" and event["user_id"] == world["other"]["id"]


def test_an_unknown_family_is_404(app, world):
    client = app.test_client()
    sign_in(client, world["coordinator"])
    assert client.get("/families/no-such-family").status_code == 404


def test_break_glass_needs_a_real_reason(app, world, driver):
    client = app.test_client()
    sign_in(client, world["other"])
    response = post_form(client, FAMILY, f"{FAMILY}/break-glass", {"reason": "urgent"})
    assert response.status_code == 400
    assert "The reason must be between 10 and 1,000 characters long" in response.get_data(as_text=True)
    assert client.get(FAMILY).status_code == 403
    assert audit_events(app, action="break_glass") == []


def test_break_glass_opens_the_family_and_is_flagged_for_coordinators(app, world, driver):
    client = app.test_client()
    sign_in(client, world["other"])
    reason = "Police called about the children tonight"
    response = post_form(client, FAMILY, f"{FAMILY}/break-glass", {"reason": reason})
    assert response.status_code == 302

    page = client.get(FAMILY)
    assert page.status_code == 200
    assert "Amy Test" in page.get_data(as_text=True)
    assert "Break-glass access" in page.get_data(as_text=True)
    [glass] = audit_events(app, action="break_glass", target_id="fam-1")
    # The reason may name people: it is kept whole beside the event, not in what admins read.
    assert glass["outcome"] == "break_glass" and glass["text"] == reason
    assert reason not in glass["reason"] and glass["reason"].startswith("grant ")
    views = audit_events(app, action="view_family", target_id="fam-1")
    assert [v["outcome"] for v in views] == ["denied", "break_glass"]

    coordinator = app.test_client()
    sign_in(coordinator, world["coordinator"])
    review = coordinator.get("/audit/break-glass").get_data(as_text=True)
    assert "Test family" in review and reason in review and "pro-elsewhere" in review


def test_admins_cannot_break_the_glass(app, world):
    client = app.test_client()
    sign_in(client, world["admin"])
    assert client.get(FAMILY).status_code == 403
    response = post_form(client, "/admin/users", f"{FAMILY}/break-glass",
                         {"reason": "I would like to look at this family"})
    assert response.status_code == 403


def test_practitioners_see_who_viewed_their_families(app, world):
    coordinator = app.test_client()
    sign_in(coordinator, world["coordinator"])
    coordinator.get(FAMILY)
    practitioner = app.test_client()
    sign_in(practitioner, world["involved"])
    html = practitioner.get("/audit/my-families").get_data(as_text=True)
    assert "Test family" in html and world["coordinator"]["email"] in html


@pytest.fixture
def sensitive_family(app, driver):
    ids = make_family(driver, "fam-s", "Sensitive family", given_name="Cara")
    add_adult(driver, "fam-s", "mum-s", given_name="Dana")
    make_professional(driver, "pro-sw", name="Lead Worker")
    make_professional(driver, "pro-gp", name="Doctor Gee", agency_type="gp")
    make_professional(driver, "pro-idva", name="Ida Adviser", agency_type="voluntary",
                      sensitive_role=True)
    make_professional(driver, "pro-cpn", name="Nurse Mental", agency_type="adult_mental_health")
    involve(driver, "pro-sw", ids["child_id"], lead=True)
    involve(driver, "pro-gp", ids["child_id"], role="gp")
    involve(driver, "pro-idva", "mum-s", role="idva")
    involve(driver, "pro-cpn", "mum-s", role="care_coordinator")
    return {"lead": make_user(app, "practitioner", "pro-sw"),
            "gp": make_user(app, "practitioner", "pro-gp"),
            "idva": make_user(app, "practitioner", "pro-idva"),
            "coordinator": make_user(app, "coordinator"),
            "analyst": make_user(app, "analyst")}


@pytest.mark.parametrize(("who", "sees_idva", "sees_cpn"), [
    ("lead", True, True), ("coordinator", True, True), ("gp", False, False),
    ("analyst", False, False), ("idva", True, False),
])
def test_sensitive_involvements_only_for_those_who_need_to_know(app, sensitive_family, who,
                                                                sees_idva, sees_cpn):
    client = app.test_client()
    sign_in(client, sensitive_family[who])
    html = client.get("/families/fam-s").get_data(as_text=True)
    assert "Doctor Gee" in html
    assert ("Ida Adviser" in html) is sees_idva
    assert ("Nurse Mental" in html) is sees_cpn
