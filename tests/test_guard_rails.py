"""Guard rails: every route decides permissions explicitly, and the audit trail is
append-only (no route and no query can change or delete it)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def routes_without_permission(app) -> list[str]:
    return [rule.rule for rule in app.url_map.iter_rules()
            # Flask's own handler for app/static serves public assets, no personal data.
            if rule.endpoint != "static"
            and not getattr(app.view_functions[rule.endpoint], "permission", None)]


@pytest.mark.no_graph
def test_every_route_has_an_explicit_permission_decision(app):
    assert routes_without_permission(app) == []


# A route that takes one of these ids decides need to know for that kind of record.
ID_KINDS = {"family_id": "family", "child_id": "child", "person_id": "person",
            "professional_id": "professional"}


def routes_without_their_need_to_know(app) -> list[str]:
    missing = []
    for rule in app.url_map.iter_rules():
        decisions = getattr(app.view_functions[rule.endpoint], "permissions", frozenset())
        for argument in rule.arguments & set(ID_KINDS):
            if not any(d.startswith(ID_KINDS[argument] + ":") for d in decisions):
                missing.append(f"{rule.rule} ({argument})")
    return missing


@pytest.mark.no_graph
def test_every_route_that_takes_an_id_decides_need_to_know_for_it(app):
    assert routes_without_their_need_to_know(app) == []


@pytest.mark.no_graph
def test_the_guard_rail_notices_an_id_without_its_need_to_know(neo4j_server, store_url):
    from app.permissions import roles_required
    from tests.conftest import make_app

    app = make_app(neo4j_server, store_url)
    leak = roles_required("coordinator")(lambda child_id: child_id)
    app.add_url_rule("/children/<child_id>/leak", "leak", leak)
    assert routes_without_their_need_to_know(app) == ["/children/<child_id>/leak (child_id)"]
    app.extensions["neo4j"].close()


@pytest.mark.no_graph
def test_the_guard_rail_notices_a_route_without_a_decision(neo4j_server, store_url):
    from tests.conftest import make_app

    app = make_app(neo4j_server, store_url)
    app.add_url_rule("/forgotten", "forgotten", lambda: "oops")
    assert routes_without_permission(app) == ["/forgotten"]
    app.extensions["neo4j"].close()


@pytest.mark.no_graph
def test_no_route_changes_or_deletes_audit_records(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("audit."):
            assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule.rule
        assert not rule.methods & {"PUT", "PATCH", "DELETE"}, rule.rule


@pytest.mark.no_graph
def test_no_query_but_the_one_off_move_touches_the_old_audit_nodes():
    """The audit trail lives in the app's store; only the move out of the graph reads it."""
    for path in (ROOT / "cypher").rglob("*.cypher"):
        code = "\n".join(line for line in path.read_text().splitlines()
                         if not line.lstrip().startswith("//"))
        if re.search(r"\b(AuditEvent|User|UserSession|ApiToken)\b", code):
            assert path.parent.name == "migrate", path.name


@pytest.mark.parametrize("path", ["/", "/login", "/healthz"])
def test_every_response_carries_the_security_headers(client, path):
    headers = client.get(path).headers
    assert "script-src 'self' 'nonce-" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
