"""Shared fixtures: one real Neo4j for the session, a clean graph and a clean app store
(SQLite, or the PostgreSQL named by TEST_DATABASE_URL) for every test."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from argon2 import PasswordHasher
from neo4j import GraphDatabase

from app import create_app
from app.auth import passwords
from app.config import TestConfig
from app.db import Database, load_queries
from app.directory import repository as directory
from tests.support.neo4j_server import test_server
from tests.support.postgres_server import postgres_url
from tests.support.store import empty_store
from tests.support.tcp_proxy import TcpProxy

TEST_CYPHER_DIR = Path(__file__).parent / "cypher"


@pytest.fixture(scope="session", autouse=True)
def quick_password_hashing():
    """Argon2id at its least cost while testing: at the service's cost (about 0.15 s of both
    cores per hash and per check) the accounts tests make and sign in with took a third of
    the suite. The service's own cost is checked where a separate process hashes
    (tests/admin/test_users.py), and the timing test runs at it (`production_hashing`)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "_hasher",
                      PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        yield


@pytest.fixture
def production_hashing(monkeypatch):
    """The service's own Argon2id cost, for a test whose point depends on it."""
    monkeypatch.setattr(passwords, "_hasher", PasswordHasher())


@pytest.fixture(scope="session")
def neo4j_server():
    with test_server() as server:
        yield server


@pytest.fixture(scope="session")
def driver(neo4j_server):
    """A driver for the tests' own set-up and checks (the app has its own)."""
    with GraphDatabase.driver(neo4j_server.uri,
                              auth=(neo4j_server.user, neo4j_server.password)) as test_driver:
        test_driver.verify_connectivity()
        yield test_driver


@pytest.fixture(scope="session")
def store_url(tmp_path_factory):
    return os.environ.get("TEST_DATABASE_URL") or \
        f"sqlite:///{tmp_path_factory.mktemp('store') / 'app.sqlite3'}"


def make_app(server, store_url, **overrides):
    settings = {"NEO4J_URI": server.uri, "NEO4J_USER": server.user,
                "NEO4J_PASSWORD": server.password, "DATABASE_URL": store_url,
                "IMPORT_FOLDER": tempfile.mkdtemp(prefix="imports-")}
    return create_app(TestConfig, **{**settings, **overrides})


@pytest.fixture(scope="session")
def app(neo4j_server, store_url):
    application = make_app(neo4j_server, store_url)
    application.extensions["store"].migrate()
    yield application
    application.extensions["neo4j"].close()
    application.extensions["store"].close()


@pytest.fixture(scope="session")
def schema(app):
    """The product's constraints and indexes, applied once, as `flask setup` does."""
    return app.extensions["neo4j"].apply_schema()


@pytest.fixture(autouse=True)
def clean_graph(request):
    """Every test starts from an empty graph (the schema stays) and an empty store, and the
    app holds nothing read from an earlier test's graph (the agencies a form offers). Tests
    marked `no_graph` (tests/unit/ all are) need neither, and run without a database."""
    if "no_graph" not in request.keywords:
        request.getfixturevalue("schema")
        request.getfixturevalue("driver").execute_query("MATCH (n) DETACH DELETE n")
        app = request.getfixturevalue("app")
        empty_store(app.extensions["store"])
        with app.app_context():
            directory.forget_agency_filter()
    yield


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app) -> Database:
    return app.extensions["neo4j"]


@pytest.fixture
def fixture_db(neo4j_server) -> Database:
    """A Database running the tests' own named queries (tests/cypher/), through app.db,
    with the wrappers app.db puts named queries into (cypher/wrap/)."""
    queries = load_queries(TEST_CYPHER_DIR)
    queries.update({name: query for name, query in load_queries().items()
                    if name.startswith("wrap/")})
    database = Database(neo4j_server.uri, neo4j_server.user, neo4j_server.password,
                        queries=queries)
    yield database
    database.close()


@pytest.fixture
def proxied_app(neo4j_server, store_url):
    """An app that reaches Neo4j through a proxy the test can cut, as if Neo4j stopped."""
    target = urlparse(neo4j_server.uri)
    proxy = TcpProxy(target.hostname, target.port).start()
    application = make_app(neo4j_server, store_url, NEO4J_URI=f"bolt://127.0.0.1:{proxy.port}",
                           NEO4J_CONNECTION_TIMEOUT=2, NEO4J_RETRY_TIME=1)
    yield application, proxy
    proxy.close()
    application.extensions["neo4j"].close()


@pytest.fixture(scope="session")
def postgres(neo4j_server):
    """A real PostgreSQL for the tests that run on both kinds of store."""
    with postgres_url() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_app(request, neo4j_server, tmp_path):
    """The whole app on each kind of store (and the same real Neo4j), for the store's tests."""
    url = request.getfixturevalue("postgres") if request.param == "postgresql" else \
        f"sqlite:///{tmp_path / 'store.sqlite3'}"
    application = make_app(neo4j_server, url)
    empty_store(application.extensions["store"])
    yield application
    application.extensions["neo4j"].close()
    application.extensions["store"].close()
