"""Finds the real Neo4j the tests run against, in this order:

1. NEO4J_TEST_URI (with NEO4J_TEST_USER and NEO4J_TEST_PASSWORD): a server you run;
2. a Neo4j container through testcontainers, when a Docker engine answers;
3. the local server's own "test" instance (db/neo4j.sh), never the run instance.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from db.local_server import Server, start_local_instance

NEO4J_IMAGE = "neo4j:5.26-community"


def _docker_answers() -> bool:
    try:
        import docker

        client = docker.from_env(timeout=5)
        client.ping()
        return True
    except Exception:  # no engine, no socket, no permission: all mean "no Docker here"
        return False


@contextmanager
def test_server() -> Iterator[Server]:
    if os.environ.get("NEO4J_TEST_URI"):
        yield Server(os.environ["NEO4J_TEST_URI"], os.environ.get("NEO4J_TEST_USER", "neo4j"),
                     os.environ.get("NEO4J_TEST_PASSWORD", ""), "NEO4J_TEST_URI")
    elif _docker_answers():
        from testcontainers.community.neo4j import Neo4jContainer

        with Neo4jContainer(NEO4J_IMAGE, username="neo4j", password="test-password") as container:
            yield Server(container.get_connection_url(), container.username,
                         container.password, "testcontainers")
    else:
        yield start_local_instance("test")
