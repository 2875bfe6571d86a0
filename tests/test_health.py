"""/healthz and the database-down experience, with a real Neo4j taken out of reach."""

import time


def test_healthz_reports_ok_when_neo4j_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "neo4j": "ok"}


def _wait_for(client, path, status, seconds=20):
    deadline = time.monotonic() + seconds
    while True:
        response = client.get(path)
        if response.status_code == status or time.monotonic() > deadline:
            return response
        time.sleep(0.5)


def test_database_down_gives_503_and_the_app_recovers_without_restart(proxied_app):
    app, proxy = proxied_app
    client = app.test_client()
    assert client.get("/healthz").status_code == 200

    proxy.cut()
    health = _wait_for(client, "/healthz", 503)
    assert health.status_code == 503
    assert health.get_json() == {"status": "degraded", "neo4j": "unavailable"}

    page = client.get("/")
    assert page.status_code == 503
    text = page.get_data(as_text=True)
    assert "Sorry, the service is unavailable" in text
    assert "Traceback" not in text

    proxy.restore()
    assert _wait_for(client, "/healthz", 200).get_json() == {"status": "ok", "neo4j": "ok"}
    assert client.get("/").status_code == 200


def test_app_starts_while_neo4j_is_unreachable(neo4j_server, store_url):
    from tests.conftest import make_app
    from tests.support.tcp_proxy import TcpProxy

    unused_port = TcpProxy._free_port()
    app = make_app(neo4j_server, store_url, NEO4J_URI=f"bolt://127.0.0.1:{unused_port}",
                   NEO4J_CONNECTION_TIMEOUT=1, NEO4J_RETRY_TIME=0)
    try:
        assert app.test_client().get("/healthz").status_code == 503
    finally:
        app.extensions["neo4j"].close()
