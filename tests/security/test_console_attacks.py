"""The Cypher console, tried as a hostile user with a valid account would: reading the
server's files and the app's secrets, fetching internal URLs, administering the server,
reading accounts, sessions, tokens and the audit trail, hiding a query behind a long
comment, and asking for a 100 MB page. Each is refused or harmless, and audited whole."""

import json

import pytest
from neo4j.exceptions import ClientError

from tests.support.demo import load_demo
from tests.support.store import audit_events
from tests.support.web import make_user, post_form, sign_in

LONG_COMMENT = "// " + "x" * 600 + "\n"
REFUSED = [
    "LOAD CSV FROM 'file:///proc/self/environ' AS l FIELDTERMINATOR '\\u0000' RETURN l",
    "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "load csv from 'file:///etc/hostname' as l return l",
    "/* harmless */ LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:7474/' AS l RETURN l",
    "LOAD CSV FROM 'http://127.0.0.1:7474/db/neo4j/tx' AS l RETURN l",
    "CALL () { LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l } RETURN l",
    "MATCH (f:Family) RETURN f.id AS x UNION LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l[0] AS x",
    LONG_COMMENT + "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "PROFILE LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "SHOW TRANSACTIONS YIELD currentQuery, parameters",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW USERS",
    "SHOW CURRENT USER",
    "SHOW DATABASES",
    "SHOW PRIVILEGES",
    "SHOW SETTINGS",
    "SHOW PROCEDURES",
    "SHOW FUNCTIONS",
    "SHOW INDEXES",
    "SHOW CONSTRAINTS",
    "SHOW SERVERS",
    "USE system SHOW USERS",
    "CREATE USER mallory SET PASSWORD 'mallory-password-1'",
    "ALTER CURRENT USER SET PASSWORD FROM 'old-password' TO 'new-password'",
    "STOP DATABASE neo4j",
    "CALL dbms.listConfig()",
    "CALL dbms.listConfig() YIELD name, value RETURN name, value",
    "CALL dbms.killConnections(['bolt-1'])",
    "CALL dbms.listConnections()",
    "CALL dbms.components()",
    "CALL dbms.showCurrentUser()",
    "CALL db.awaitIndexes(1)",
    "CALL db.createLabel('Injected')",
    "CALL db.labels() YIELD label CALL dbms.listConfig() YIELD name RETURN label, name",
    "MATCH (f:Family) CALL (f) { RETURN f.id AS x } IN TRANSACTIONS RETURN x",
]
# The app's own records are not in the graph at all: asking for them finds nothing.
NOTHING_THERE = [
    "MATCH (u:User) RETURN u.email, u.password_hash",
    "MATCH (s:UserSession) RETURN s.id",
    "MATCH (t:ApiToken) RETURN t.token_hash",
    "MATCH (e:AuditEvent) RETURN e",
    "MATCH (t:SignInThrottle) RETURN t",
    "MATCH (q:SavedQuery) RETURN q.text",
    "MATCH (n) WHERE any(l IN labels(n) WHERE l IN ['User', 'UserSession', 'ApiToken']) RETURN n",
    "MATCH ()-[r:BREAK_GLASS|IS]->() RETURN r",
]
HUNDRED_MB = ("UNWIND range(1, 1000) AS i "
              "RETURN i, reduce(s = '', x IN range(1, 1000) | s + '" + "x" * 100 + "') AS s")


@pytest.fixture
def console(app):
    """The weakest account that reaches the console: a coordinator."""
    load_demo(app, "demo password here")
    client = app.test_client()
    sign_in(client, make_user(app, "coordinator"))
    return client


def run(client, query: str):
    return post_form(client, "/analysis/console", "/analysis/console",
                     {"query": query, "params": "{}"})


def audited_whole(app, query: str) -> list[dict]:
    return [e for e in audit_events(app, action="query", reason="console")
            if json.loads(e["text"])["query"] == query]


def secrets_of(app, neo4j_server) -> list[str]:
    return [app.config["SECRET_KEY"], neo4j_server.password, "root:x:0:0", "NEO4J_PASSWORD"]


@pytest.mark.parametrize("query", REFUSED, ids=range(len(REFUSED)))
def test_a_hostile_query_is_refused_before_it_runs_and_audited_whole(app, console, neo4j_server,
                                                                     query):
    response = run(console, query)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'id="console-results"' not in html
    for secret in secrets_of(app, neo4j_server):
        assert secret not in html
    [event] = audited_whole(app, query)
    assert event["outcome"] == "denied"
    assert query not in (event["reason"] or "")  # the text is kept apart, for coordinators


@pytest.mark.parametrize("query", NOTHING_THERE, ids=range(len(NOTHING_THERE)))
def test_the_apps_own_records_are_not_in_the_graph(app, console, query):
    response = run(console, query)
    assert response.status_code == 200
    assert "0 rows" in response.get_data(as_text=True)
    [event] = audited_whole(app, query)
    assert event["outcome"] == "allowed"


def test_a_huge_result_is_cut_to_a_page_of_bounded_size(app, console):
    response = run(console, HUNDRED_MB)
    assert response.status_code == 200
    assert len(response.get_data()) < 3_000_000
    assert "cut off" in response.get_data(as_text=True)
    assert audited_whole(app, HUNDRED_MB)


def test_a_query_after_a_long_comment_is_audited_whole(app, console):
    query = LONG_COMMENT + "MATCH (f:Family) RETURN count(f) AS families"
    assert run(console, query).status_code == 200
    [event] = audited_whole(app, query)
    assert len(json.loads(event["text"])["query"]) > 600


def test_the_server_itself_refuses_file_urls(driver):
    """The second lock, in the local server's configuration: even a query that reached the
    server some other way could not read its files."""
    with pytest.raises(ClientError, match="allow_csv_import_from_file_urls"):
        driver.execute_query("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l")


@pytest.mark.parametrize("role", ["analyst", "practitioner", "admin"])
def test_roles_that_may_not_see_sensitive_services_have_no_console(app, role):
    client = app.test_client()
    user = make_user(app, role)
    sign_in(client, user)
    assert client.get("/analysis/console").status_code == 403
    assert client.post("/analysis/console", data={"query": "MATCH (n) RETURN n"}).status_code in (400, 403)
    assert audit_events(app, action="open_page", outcome="denied", user_id=user["id"])


def test_the_console_is_offered_only_to_those_who_may_open_it(app):
    analyst, coordinator = app.test_client(), app.test_client()
    sign_in(analyst, make_user(app, "analyst"))
    sign_in(coordinator, make_user(app, "coordinator"))
    for page in ("/analysis", "/analysis/saved"):
        assert "/analysis/console" not in analyst.get(page).get_data(as_text=True)
        assert "/analysis/console" in coordinator.get(page).get_data(as_text=True)
