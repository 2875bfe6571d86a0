"""The API's OpenAPI document: it lists every /api/v1 route Flask serves, and the app, driven
by schemathesis with generated inputs through every operation, answers with no server error
and only as the document says (status, content type, body)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import update

from app.api.openapi import document
from app.store.tables import users
from tests.records.conftest import api_token
from tests.support.demo import load_demo

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


def routes_served(app) -> set[tuple[str, str]]:
    return {(rule.rule, method.lower()) for rule in app.url_map.iter_rules()
            if rule.rule.startswith("/api/v1/")
            for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}}


def routes_described(doc: dict) -> set[tuple[str, str]]:
    return {(path.replace("{", "<").replace("}", ">"), method)
            for path, operations in doc["paths"].items() for method in operations}


def test_the_document_lists_every_route_flask_serves_and_no_other(app):
    doc = app.test_client().get("/api/v1/openapi.json").get_json()
    assert doc["openapi"] == "3.1.0"
    assert routes_described(doc) == routes_served(app)
    assert len(routes_served(app)) >= 30


@pytest.mark.no_graph
def test_a_route_added_without_a_description_stops_the_document(neo4j_server, store_url):
    from tests.conftest import make_app
    other = make_app(neo4j_server, store_url)
    other.add_url_rule("/api/v1/undescribed", "api.undescribed", lambda: "")
    with other.test_request_context(), pytest.raises(LookupError, match=r"api\.undescribed"):
        document()
    other.extensions["neo4j"].close()


def test_writes_take_a_token_and_bodies_come_from_the_forms(app):
    doc = app.test_client().get("/api/v1/openapi.json").get_json()
    create = doc["paths"]["/api/v1/families"]["post"]
    assert create["security"] == [{"token": []}]
    body = create["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == ["name"] and body["properties"]["name"]["maxLength"] == 100
    change = doc["paths"]["/api/v1/people/{person_id}"]["post"]
    assert change["requestBody"]["content"]["application/json"]["schema"]["required"] == \
        ["version"]
    network = doc["paths"]["/api/v1/families/{family_id}/network"]["get"]
    assert {"token": []} in network["security"] and {"session": []} in network["security"]


@pytest.fixture
def token_headers(app):
    """A personal API token of a coordinator who is also a practitioner, an analyst and an
    admin, so that each operation is tried past its role check."""
    headers = api_token(app, "coordinator", "demo-pro-osei")
    with app.app_context(), app.extensions["store"].begin() as connection:
        connection.execute(update(users).where(users.c.role == "coordinator")
                           .values(extra_roles=["practitioner", "analyst", "admin"]))
    return headers


def demo_ids(driver) -> dict[str, list[str]]:
    """Ids of the demo area's records by path argument: generated ids alone would meet
    "no such record" and stop there."""
    [row] = driver.execute_query("""
        RETURN COLLECT { MATCH (f:Family) RETURN f.id } AS family_id,
               COLLECT { MATCH (p:Person) RETURN p.id } AS person_id,
               COLLECT { MATCH (c:Child) RETURN c.id } AS child_id,
               COLLECT { MATCH (p:Professional) RETURN p.id } AS professional_id,
               COLLECT { MATCH (a:Agency) RETURN a.id } AS agency_id,
               COLLECT { MATCH ()-[i:INVOLVED_WITH]->() RETURN i.id } AS involvement_id
        """).records
    return {name: sorted(ids) for name, ids in row.items()}


def test_every_operation_answers_as_documented(app, db, driver, token_headers):
    """Each operation of the document, on the demo area, with twelve generated requests
    (the same each run), its path arguments mostly the ids of real records. One test for
    all: the document is served by the app under test."""
    load_demo(app, "demo password here")
    ids = demo_ids(driver)
    loaded = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in loaded.get_all_operations()]
    assert len(operations) >= 30

    for operation in operations:
        @given(case=operation.as_strategy(), data=st.data())
        @settings(max_examples=12, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def answers_as_documented(case, data):
            for name in set(case.path_parameters or {}) & set(ids):
                if data.draw(st.integers(0, 4)):  # four times in five, a record that exists
                    case.path_parameters[name] = data.draw(st.sampled_from(ids[name]))
            case.call_and_validate(headers=token_headers, checks=CHECKS)

        try:
            answers_as_documented()
        except Exception as failure:
            raise AssertionError(f"{operation.method.upper()} {operation.path}") from failure
