"""The analysts' tools take a name: a picker suggests people as a name is typed and fills in
their id; an id that names nothing is said to be so."""

import re

import pytest

from tests.support.demo import load_demo
from tests.support.store import audit_events
from tests.support.web import client_as, csrf_token

KACPER = "demo-per-kacper-kowalski"


@pytest.fixture
def analyst(app, db):
    load_demo(app, "demo password here")
    return client_as(app, "analyst")


def suggest(client, name, token=None):
    token = token or re.search(r'data-csrf-token="([^"]+)"', client.get(
        "/analysis/connections").get_data(as_text=True)).group(1)
    return client.post("/analysis/people.json", json={"name": name},
                       headers={"X-CSRFToken": token})


def test_a_name_typed_so_far_suggests_people_with_their_ids(analyst, app):
    response = suggest(analyst, "Kacpr Kowalsky")  # mistyped, as people type
    people = response.get_json()["people"]
    assert response.status_code == 200 and people[0]["id"] == KACPER
    assert people[0]["name"] == "Kacper Kowalski" and people[0]["born"]
    assert suggest(analyst, "K").get_json() == {"people": []}  # two letters at least
    # Audited as a search, without what was typed.
    searches = audit_events(app, action="search")
    assert searches and all("Kac" not in (e["reason"] or "") for e in searches)


def test_the_picker_refuses_what_it_cannot_take(analyst, app):
    assert suggest(analyst, "x" * 101).status_code == 422
    assert analyst.post("/analysis/people.json", json={"name": "Kacper"}).status_code == 400
    assert analyst.get("/analysis/people.json").status_code == 405
    practitioner = client_as(app, "practitioner")
    token = csrf_token(practitioner.get("/search").get_data(as_text=True))
    assert suggest(practitioner, "Kacper", token).status_code == 403


def test_an_id_that_names_nothing_is_said_to_be_so(analyst):
    html = analyst.get(f"/analysis/connections?from=nobody-here&to={KACPER}").get_data(
        as_text=True)
    assert "No person or family has the id &#39;nobody-here&#39; (from)" in html
    assert 'id="no-path"' not in html
    html = analyst.get(f"/analysis/connections?from={KACPER}&to=no-one").get_data(as_text=True)
    assert "No person or family has the id &#39;no-one&#39; (to)" in html
