"""Finds the real Neo4j the tests run against, in this order:

1. NEO4J_TEST_URI (with NEO4J_TEST_USER and NEO4J_TEST_PASSWORD): a server you run;
2. a Neo4j container through testcontainers, when a Docker engine answers;
3. the local server's own "test" instance (db/neo4j.sh), never the run instance.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEO4J_IMAGE = "neo4j:5.26-community"


@dataclass(frozen=True)
class Server:
    uri: str
    user: str
    password: str
    source: str


def _docker_answers() -> bool:
    try:
        import docker

        client = docker.from_env(timeout=5)
        client.ping()
        return True
    except Exception:  # no engine, no socket, no permission: all mean "no Docker here"
        return False


def _local_test_instance() -> Server:
    script = ROOT / "db" / "neo4j.sh"
    subprocess.run([str(script), "start", "test"], check=True, stdout=subprocess.DEVNULL)
    exports = subprocess.run([str(script), "env", "test"], check=True, capture_output=True,
                             text=True).stdout
    values = dict(item.split("=", 1) for item in shlex.split(exports) if "=" in item)
    return Server(values["NEO4J_URI"], values["NEO4J_USER"], values["NEO4J_PASSWORD"],
                  "local test instance")


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
        yield _local_test_instance()
