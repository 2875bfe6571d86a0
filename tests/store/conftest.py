"""The store's tests run twice: on SQLite and on a real PostgreSQL."""

import pytest

from tests.conftest import make_app
from tests.support.postgres_server import postgres_url
from tests.support.store import empty_store


@pytest.fixture(scope="session")
def postgres(neo4j_server):
    with postgres_url() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_app(request, neo4j_server, tmp_path):
    """The whole app, on each kind of store (and the same real Neo4j)."""
    url = request.getfixturevalue("postgres") if request.param == "postgresql" else \
        f"sqlite:///{tmp_path / 'store.sqlite3'}"
    application = make_app(neo4j_server, url)
    empty_store(application.extensions["store"])
    yield application
    application.extensions["neo4j"].close()
    application.extensions["store"].close()
