"""The family network as JSON: exactly what the graph holds, under the same access rule."""

import pytest

from seed.demo import DEMO_SCENARIOS
from tests.support.demo import load_demo
from tests.support.graph import involve, make_family, make_professional
from tests.support.store import audit_events
from tests.support.web import client_as, make_user, sign_in

DEMO_FAMILIES = sorted({f for v in DEMO_SCENARIOS.values()
                        for f in (v if isinstance(v, tuple) else (v,))})


@pytest.fixture
def coordinator_client(app, db):
    load_demo(app, "demo password here")
    return client_as(app, "coordinator")


def cypher_counts(driver, family_id):
    """What the graph says the family's network holds, counted independently."""
    query = """
        MATCH (f:Family {id: $id})<-[:MEMBER_OF]-(m:Person)
        WITH f, collect(m) AS members
        OPTIONAL MATCH (p:Professional)-[i:INVOLVED_WITH]->(x:Person)-[:MEMBER_OF]->(f)
        WITH f, members, collect(DISTINCT p) AS pros, collect(i) AS involvements
        OPTIONAL MATCH (pro:Professional)-[:WORKS_FOR]->(a:Agency) WHERE pro IN pros
        WITH f, members, pros, involvements, collect(DISTINCT a) AS agencies
        OPTIONAL MATCH (m1:Person)-[l:LIVES_AT]->(h:Household) WHERE m1 IN members AND l.`to` IS NULL
        WITH f, members, pros, involvements, agencies, collect(DISTINCT h) AS homes, collect(l) AS lives
        OPTIONAL MATCH (a1:Adult)-[t:PARENT_OF|PARTNER_OF]->(b1:Person)
        WHERE a1 IN members AND b1 IN members
        RETURN size(members) AS members, size(pros) AS professionals, size(agencies) AS agencies,
               size(homes) AS households, size(involvements) AS involvements,
               size(lives) AS lives_at, count(t) AS ties"""
    return driver.execute_query(query, id=family_id).records[0].data()


@pytest.mark.parametrize("family_id", DEMO_FAMILIES)
def test_the_api_lists_exactly_what_the_graph_holds(coordinator_client, driver, family_id):
    response = coordinator_client.get(f"/api/v1/families/{family_id}/network")
    assert response.status_code == 200
    body = response.get_json()
    expected = cypher_counts(driver, family_id)
    kinds = [n["kind"] for n in body["nodes"]]
    types = [e["type"] for e in body["edges"]]
    assert body["family"]["id"] == family_id
    assert kinds.count("child") + kinds.count("adult") == expected["members"]
    assert kinds.count("professional") == expected["professionals"]
    assert kinds.count("agency") == expected["agencies"]
    assert kinds.count("household") == expected["households"]
    assert types.count("INVOLVED_WITH") == expected["involvements"]
    assert types.count("LIVES_AT") == expected["lives_at"]
    assert types.count("PARENT_OF") + types.count("PARTNER_OF") == expected["ties"]
    assert types.count("WORKS_FOR") == expected["professionals"]
    assert all({"id", "kind", "label"} <= set(n) for n in body["nodes"])
    assert all({"source", "target", "type"} <= set(e) for e in body["edges"])


def test_the_api_applies_the_access_rule_and_the_audit(app, driver):
    make_family(driver, "fam-1", "Test family")
    make_professional(driver, "pro-in")
    make_professional(driver, "pro-out")
    involve(driver, "pro-in", "fam-1-child")
    insider, outsider = app.test_client(), app.test_client()
    sign_in(insider, make_user(app, "practitioner", "pro-in"))
    sign_in(outsider, make_user(app, "practitioner", "pro-out"))

    assert insider.get("/api/v1/families/fam-1/network").status_code == 200
    denied = outsider.get("/api/v1/families/fam-1/network")
    assert denied.status_code == 403 and denied.get_json() == {"error": "forbidden"}
    assert app.test_client().get("/api/v1/families/fam-1/network").status_code == 401
    outcomes = [e["outcome"] for e in audit_events(app, action="view_map", target_id="fam-1")]
    assert outcomes == ["allowed", "denied"]


def test_the_json_download_is_an_audited_export(coordinator_client, driver, app):
    response = coordinator_client.get("/families/demo-fam-clarke/network.json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.get_json()["family"]["name"] == "Clarke family"
    assert len(audit_events(app, action="export", target_id="demo-fam-clarke")) == 1
