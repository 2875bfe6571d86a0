"""Who sees a sensitive involvement on the family page and through the API: every role and
relationship against every way an involvement can be sensitive (the one rule of
app/access.py), and an ordinary one as the control."""

import pytest

from tests.support.graph import add_adult, involve, make_family, make_professional
from tests.support.web import make_user, post_form, sign_in

MARKERS = {
    # professional's name: how the involvement is sensitive
    "Flagged Worker": "the professional is marked sensitive_role",
    "Mental Health Worker": "the agency is adult mental health",
    "Idva Byrole": "the involvement's role is idva (nothing else marks it)",
    "Plain Worker": "nothing: the control",
}
SEES = {
    # who: does the sensitive involvement show to them
    "coordinator": True, "analyst": False, "lead": True, "member": False, "self": True,
    "break_glass": False,
}


@pytest.fixture
def family(app, driver):
    make_family(driver, "fam-1", "Test family", given_name="Amy")
    add_adult(driver, "fam-1", "fam-1-mum", given_name="Mary")
    make_professional(driver, "pro-lead", name="Lead Worker")
    make_professional(driver, "pro-member", name="Member Worker", agency_type="school")
    make_professional(driver, "pro-out", name="Out Worker", agency_type="police")
    involve(driver, "pro-lead", "fam-1-child", lead=True)
    involve(driver, "pro-member", "fam-1-child", role="designated_safeguarding_lead")
    make_professional(driver, "pro-flagged", name="Flagged Worker", agency_type="voluntary",
                      sensitive_role=True)
    make_professional(driver, "pro-mh", name="Mental Health Worker",
                      agency_type="adult_mental_health")
    make_professional(driver, "pro-idva", name="Idva Byrole", agency_type="housing")
    make_professional(driver, "pro-plain", name="Plain Worker", agency_type="housing")
    involve(driver, "pro-flagged", "fam-1-mum", role="key_worker")
    involve(driver, "pro-mh", "fam-1-mum", role="key_worker")
    involve(driver, "pro-idva", "fam-1-mum", role="idva")
    involve(driver, "pro-plain", "fam-1-mum", role="housing_officer")
    users = {"coordinator": make_user(app, "coordinator"), "analyst": make_user(app, "analyst"),
             "lead": make_user(app, "practitioner", "pro-lead"),
             "member": make_user(app, "practitioner", "pro-member"),
             "self": make_user(app, "practitioner", "pro-idva"),
             "break_glass": make_user(app, "practitioner", "pro-out")}
    clients = {}
    for who, user in users.items():
        clients[who] = app.test_client()
        sign_in(clients[who], user)
    post_form(clients["break_glass"], "/families/fam-1", "/families/fam-1/break-glass",
              {"reason": "A call from the school about the children"})
    return clients


@pytest.mark.parametrize("who", list(SEES))
def test_a_sensitive_involvement_shows_only_to_those_who_need_to_know(family, who):
    client = family[who]
    page = client.get("/families/fam-1").get_data(as_text=True)
    map_page = client.get("/families/fam-1/map").get_data(as_text=True)
    api = {node["label"] for node in client.get("/api/v1/families/fam-1/network").get_json()["nodes"]}
    for name in MARKERS:
        expected = name == "Plain Worker" or (SEES[who] and (who != "self" or name == "Idva Byrole"))
        # "self" is the IDVA: they see their own involvement, not other sensitive services.
        assert (name in page, name in api, name in map_page) == (expected,) * 3, name
