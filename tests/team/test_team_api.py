"""The team through the JSON API, with personal API tokens."""

import re
from datetime import date

import pytest

from tests.support.graph import involve, make_family, make_professional
from tests.support.web import make_user, post_form, sign_in

CHILD_API = "/api/v1/children/fam-1-child"


@pytest.fixture
def setup(app, driver):
    make_family(driver, "fam-1", "Test family")
    make_professional(driver, "pro-sw", name="Pro SW")
    make_professional(driver, "pro-hv", name="Pro HV", agency_type="health_visiting")
    involve(driver, "pro-sw", "fam-1-child", lead=True)
    user = make_user(app, "practitioner", "pro-sw")
    client = app.test_client()
    sign_in(client, user)
    page = post_form(client, "/me/tokens", "/me/tokens", {"name": "case system sync"})
    token = re.search(r'<code id="new-token">([^<]+)</code>', page.get_data(as_text=True)).group(1)
    return {"user": user, "client": client, "token": token}


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_a_script_adds_a_colleague_and_the_network_shows_it(app, setup, driver):
    api = app.test_client()
    response = api.post(f"{CHILD_API}/involvements", headers=bearer(setup["token"]),
                        json={"professional_id": "pro-hv", "role": "health_visitor"})
    assert response.status_code == 201
    network = api.get("/api/v1/families/fam-1/network", headers=bearer(setup["token"])).get_json()
    assert any(n["id"] == "pro-hv" for n in network["nodes"])
    # The token page shows it was used, and never shows the token again.
    listing = setup["client"].get("/me/tokens").get_data(as_text=True)
    assert setup["token"] not in listing and "case system sync" in listing
    assert "never" not in listing


def test_the_session_cookie_cannot_write_through_the_api(setup):
    response = setup["client"].post(f"{CHILD_API}/involvements",
                                    json={"professional_id": "pro-hv", "role": "health_visitor"})
    assert response.status_code == 401
    assert "personal API token" in response.get_json()["error"]


@pytest.mark.parametrize(("body", "field"), [
    ({"professional_id": "pro-hv", "role": "health_visitor", "since": "yesterday"}, "since"),
    ({"professional_id": "pro-nobody", "role": "health_visitor"}, "professional_id"),
    ({"professional_id": "pro-hv", "role": "wizard"}, "role"),
    ({"professional_id": "pro-sw", "role": "allocated_social_worker"}, "role"),
    ({"professional_id": "pro-hv", "role": "health_visitor", "lead": "yes"}, "lead"),
])
def test_bad_input_is_422_naming_the_field_and_changes_nothing(app, setup, driver, body, field):
    count = "MATCH ()-[i:INVOLVED_WITH]->() RETURN count(i) AS n"
    before = driver.execute_query(count).records[0]["n"]
    response = app.test_client().post(f"{CHILD_API}/involvements",
                                      headers=bearer(setup["token"]), json=body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]
    assert driver.execute_query(count).records[0]["n"] == before


def test_ending_through_the_api_needs_an_explicit_successor_choice(app, setup, driver):
    inv_id = driver.execute_query("MATCH (:Professional {id: 'pro-sw'})-[i:INVOLVED_WITH]->() "
                                  "RETURN i.id AS id").records[0]["id"]
    api = app.test_client()
    missing = api.post(f"{CHILD_API}/involvements/{inv_id}/end", headers=bearer(setup["token"]),
                       json={"reason": "left_authority"})
    assert missing.status_code == 422 and "successor_id" in missing.get_json()["errors"]
    done = api.post(f"{CHILD_API}/involvements/{inv_id}/end", headers=bearer(setup["token"]),
                    json={"reason": "left_authority", "successor_id": None,
                          "ended": date.today().isoformat()})
    assert done.status_code == 200


def test_an_admin_revokes_a_token_and_it_stops_working(app, setup):
    admin = app.test_client()
    sign_in(admin, make_user(app, "admin"))
    post_form(admin, "/admin/users", f"/admin/users/{setup['user']['id']}/revoke-tokens", {})
    response = app.test_client().post(f"{CHILD_API}/concern", headers=bearer(setup["token"]),
                                      json={"raised": True})
    assert response.status_code == 401


def test_an_unknown_token_is_refused(app, setup):
    response = app.test_client().post(f"{CHILD_API}/concern", headers=bearer("sgm_not-a-token"),
                                      json={"raised": True})
    assert response.status_code == 401


def test_the_need_to_know_rule_applies_to_tokens(app, driver):
    make_family(driver, "fam-9", "Other family")
    make_professional(driver, "pro-x", name="Pro X")
    user = make_user(app, "practitioner", "pro-x")
    client = app.test_client()
    sign_in(client, user)
    page = post_form(client, "/me/tokens", "/me/tokens", {"name": "script"})
    token = re.search(r'<code id="new-token">([^<]+)</code>', page.get_data(as_text=True)).group(1)
    response = app.test_client().post("/api/v1/children/fam-9-child/concern",
                                      headers=bearer(token), json={"raised": True})
    assert response.status_code == 403


@pytest.mark.parametrize(("field", "value"), [("since", "yesterday"), ("role", "wizard")])
def test_the_api_and_the_page_say_the_same_thing_about_the_same_field(app, setup, field, value):
    body = {"professional_id": "pro-hv", "role": "health_visitor", "since": "2024-01-01",
            field: value}
    api = app.test_client().post(f"{CHILD_API}/involvements", headers=bearer(setup["token"]),
                                 json=body).get_json()["errors"][field]
    page = post_form(setup["client"], f"{CHILD_API.replace('/api/v1', '')}/colleagues",
                     f"{CHILD_API.replace('/api/v1', '')}/colleagues", body)
    assert page.status_code == 400
    assert api and all(message in page.get_data(as_text=True) for message in api)


@pytest.mark.parametrize("body", [
    {"professional_id": ["pro-hv"], "role": "health_visitor"},
    {"professional_id": "pro-hv", "role": 7},
    ["not", "an", "object"],
])
def test_json_of_the_wrong_type_is_named_not_guessed(app, setup, body):
    response = app.test_client().post(f"{CHILD_API}/involvements",
                                      headers=bearer(setup["token"]), json=body)
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    expected = "body" if isinstance(body, list) else next(k for k, v in body.items()
                                                          if not isinstance(v, str))
    assert list(errors) == [expected]
