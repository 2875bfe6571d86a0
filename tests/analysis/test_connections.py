"""Connections for analysts on the demo data: paths, neighbourhoods, measures, saved
queries, the read-only console and the exports."""

import io
import re

import networkx as nx
import pytest

from app.db import load_queries
from tests.support.demo import load_demo
from tests.support.graph import make_family
from tests.support.store import audit_events
from tests.support.web import client_as, make_user, post_form, sign_in


@pytest.fixture
def analyst(app, db):
    load_demo(app, "demo password here")
    return client_as(app, "analyst")


@pytest.fixture
def console_user(app, analyst):
    """The console is for those who may see sensitive services: coordinators."""
    client = app.test_client()
    sign_in(client, make_user(app, "coordinator"))
    return client


def paths(client, **args):
    query = "&".join(f"{k}={v}" for k, v in args.items())
    return client.get(f"/api/v1/connections?{query}").get_json()["paths"]


def test_the_father_connects_his_two_families(analyst):
    found = paths(analyst, **{"from": "demo-fam-bennett", "to": "demo-fam-price"})
    assert found and all(p["length"] == 2 for p in found)
    middles = {p["nodes"][1]["id"] for p in found}
    assert "demo-per-craig-walsh" in middles
    text = next(p["text"] for p in found if p["nodes"][1]["id"] == "demo-per-craig-walsh")
    assert text == "Bennett family includes Craig Walsh, who is in Price family."


def test_without_professionals_the_family_path_remains(analyst):
    found = paths(analyst, **{"from": "demo-per-leo-walsh", "to": "demo-per-mia-walsh",
                              "no_professionals": "1"})
    assert found
    kinds = {n["kind"] for p in found for n in p["nodes"]}
    assert "professional" not in kinds
    assert any("Craig Walsh" in p["text"] for p in found)


def test_unrelated_families_have_no_path(analyst):
    assert paths(analyst, **{"from": "demo-fam-okafor", "to": "demo-fam-murphy",
                             "no_professionals": "1"}) == []
    page = analyst.get("/analysis/connections?from=demo-fam-okafor&to=demo-fam-murphy"
                       "&no_professionals=1").get_data(as_text=True)
    assert "No connection of at most 6 steps" in page


def test_the_page_draws_and_tells_the_paths(analyst, driver, app):
    html = analyst.get("/analysis/connections?from=demo-fam-bennett&to=demo-fam-price") \
        .get_data(as_text=True)
    assert 'id="network-data"' in html and "Craig Walsh" in html
    assert audit_events(app, action="query")[0]["target_id"] == "demo-fam-bennett"


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_exports_open_with_networkx_and_hold_the_same_graph(analyst, fmt, reader):
    api = analyst.get("/api/v1/families/demo-fam-price/network").get_json()
    body = analyst.get(f"/families/demo-fam-price/network.{fmt}").data
    graph = reader(io.BytesIO(body))
    assert set(graph.nodes) == {n["id"] for n in api["nodes"]}
    assert graph.number_of_edges() == len(api["edges"])
    paths_export = analyst.get(f"/analysis/connections?from=demo-fam-bennett&to=demo-fam-price"
                               f"&format={fmt}").data
    assert "demo-per-craig-walsh" in reader(io.BytesIO(paths_export)).nodes


def test_the_neighbourhood_expands_and_says_when_it_is_capped(analyst):
    html = analyst.get("/analysis/neighbourhood?id=demo-per-craig-walsh&hops=1").get_data(as_text=True)
    assert "Leo Walsh" in html and "Mia Walsh" in html and 'id="capped"' not in html
    two_steps = analyst.get("/analysis/neighbourhood?id=demo-per-craig-walsh&hops=2").get_data(as_text=True)
    connectors = two_steps.split('id="connectors"')[1].split("</ol>")[0]
    assert "Craig Walsh" in connectors  # he alone joins the two families
    capped = analyst.get("/analysis/neighbourhood?id=demo-ag-csc&hops=3&cap=10").get_data(as_text=True)
    assert 'id="capped"' in capped and "only the first 10 are shown" in capped
    missing = analyst.get("/analysis/neighbourhood?id=no-such-id").get_data(as_text=True)
    assert "Nothing has the id no-such-id" in missing


def test_measures_list_caseloads_and_adults_in_two_families(analyst):
    html = analyst.get("/analysis/measures").get_data(as_text=True)
    assert "Dr Alan Fraser" in html  # the GP with the most demo children
    adults = html.split('id="adults"')[1]
    assert "Craig Walsh" in adults
    csv_text = analyst.get("/analysis/measures?download=caseloads").get_data(as_text=True)
    assert csv_text.splitlines()[0].startswith("professional_id,name")


def test_saved_queries_run_with_typed_parameters(analyst):
    ok = post_form(analyst, "/analysis/saved?query=children_on_plans_by_type", "/analysis/saved",
                   {"query": "children_on_plans_by_type", "plan_type": "LAC"})
    assert "Arjun Singh" in ok.get_data(as_text=True)
    bad = post_form(analyst, "/analysis/saved?query=adults_in_several_households", "/analysis/saved",
                    {"query": "adults_in_several_households", "min_households": "two"})
    assert bad.status_code == 400 and "min_households: enter a whole number" in bad.get_data(as_text=True)


@pytest.mark.parametrize("write", [
    "CREATE (:Family {id: 'x', name: 'Injected'})",
    "MATCH (f:Family) SET f.name = 'changed'",
    "MERGE (:Agency {id: 'y'})",
    "MATCH (n:Plan) DETACH DELETE n",
    "CALL db.createLabel('Injected')",
])
def test_the_console_refuses_writes_and_the_graph_is_unchanged(console_user, driver, write):
    def snapshot():
        return driver.execute_query(
            "MATCH (n) RETURN count(n) AS nodes, collect(n.name) AS names").records[0].data() | {
            "labels": sorted(r["label"] for r in driver.execute_query(
                "CALL db.labels() YIELD label RETURN label").records)}
    before = snapshot()
    response = post_form(console_user, "/analysis/console", "/analysis/console",
                         {"query": write, "params": "{}"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "not allowed in the console" in html
    assert "the console is read-only" in html or "db.createLabel" in html
    assert snapshot() == before


def test_the_console_shows_a_table_and_a_map_and_audits_the_query(console_user, app):
    response = post_form(console_user, "/analysis/console", "/analysis/console", {
        "query": "MATCH p = (:Adult {id: $id})-[:PARENT_OF]->(:Child) RETURN p",
        "params": '{"id": "demo-per-craig-walsh"}'})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="console-results"' in html
    assert "2 rows" in html and 'id="network-data"' in html
    [event] = [e for e in audit_events(app, action="query") if e["reason"] == "console"]
    assert "PARENT_OF" in event["text"] and "demo-per-craig-walsh" in event["text"]


def test_a_query_over_the_time_limit_is_stopped(neo4j_server, store_url, db, schema):
    from tests.conftest import make_app

    app = make_app(neo4j_server, store_url, CONSOLE_TIMEOUT_SECONDS=1)
    try:
        client = app.test_client()
        sign_in(client, make_user(app, "coordinator"))
        response = post_form(client, "/analysis/console", "/analysis/console", {
            "query": "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)",
            "params": "{}"})
        assert "stopped after 1 seconds (the time limit)" in response.get_data(as_text=True)
    finally:
        app.extensions["neo4j"].close()


def test_a_path_search_over_the_time_limit_says_so(neo4j_server, store_url, db, schema, driver):
    """Two people far apart through busy professionals can take the search through most of
    an area; the server stops it at PATH_SECONDS and the page and the API say so. The path
    query is swapped here for one known to run long, standing in for such a pair."""
    from tests.conftest import TEST_CYPHER_DIR, make_app

    make_family(driver, "a")
    make_family(driver, "b")
    app = make_app(neo4j_server, store_url, PATH_SECONDS=1)
    queries = app.extensions["neo4j"].queries
    queries["analysis/paths"] = load_queries(TEST_CYPHER_DIR)["fixtures/slow_count"]
    try:
        client = app.test_client()
        sign_in(client, make_user(app, "analyst"))
        page = client.get("/analysis/connections?from=a&to=b").get_data(as_text=True)
        assert "The search stopped after 1 seconds" in page
        api = client.get("/api/v1/connections?from=a&to=b")
        assert api.status_code == 422 and "stopped after 1 seconds" in api.get_json()["errors"]["max"][0]
    finally:
        app.extensions["neo4j"].close()


@pytest.mark.parametrize("path", ["/analysis", "/analysis/connections", "/analysis/neighbourhood",
                                  "/analysis/measures", "/analysis/saved", "/analysis/console",
                                  "/api/v1/connections?from=a&to=b"])
def test_practitioners_cannot_reach_the_analyses(app, path):
    client = app.test_client()
    sign_in(client, make_user(app, "practitioner"))
    assert client.get(path).status_code == 403


def test_console_users_save_their_own_queries(app, console_user):
    post_form(console_user, "/analysis/console", "/analysis/console", {
        "query": "MATCH (f:Family) RETURN count(f) AS families", "params": "{}",
        "save_as": "How many families"})
    listing = console_user.get("/analysis/saved").get_data(as_text=True)
    assert "How many families" in listing
    link = listing.split('id="own-queries"')[1].split('href="')[1].split('"')[0].replace("&amp;", "&")
    assert "MATCH (f:Family) RETURN count(f)" in console_user.get(link).get_data(as_text=True)
    other = app.test_client()
    sign_in(other, make_user(app, "coordinator"))
    assert "How many families" not in other.get("/analysis/saved").get_data(as_text=True)
    assert other.get(link).status_code == 404


def test_sensitive_services_stay_hidden_from_analysts_but_not_coordinators(app, analyst):
    url = "/analysis/neighbourhood?id=demo-per-jade-price&hops=1"
    assert "Maria Lopez" not in analyst.get(url).get_data(as_text=True)  # her IDVA
    coordinator = app.test_client()
    sign_in(coordinator, make_user(app, "coordinator"))
    assert "Maria Lopez" in coordinator.get(url).get_data(as_text=True)
    via_idva = paths(analyst, **{"from": "demo-per-jade-price", "to": "demo-pro-lopez"})
    assert via_idva == []


def test_console_errors_show_at_their_own_field(console_user):
    response = post_form(console_user, "/analysis/console", "/analysis/console",
                         {"query": "MATCH (f:Family) RETURN f.id", "params": "[1, 2]"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert re.search(r'id="params-error"[^>]*>\s*<span[^>]*>Error:</span> Enter a JSON object', html)
    assert 'id="query-error"' not in html
    # What was typed stays in its own field.
    assert "MATCH (f:Family) RETURN f.id</textarea>" in html
    refused = post_form(console_user, "/analysis/console", "/analysis/console",
                        {"query": "CREATE (:Family {id: 'x'})", "params": ""})
    assert re.search(r'id="query-error"[^>]*>\s*<span[^>]*>Error:</span>[^<]*not allowed',
                     refused.get_data(as_text=True))
