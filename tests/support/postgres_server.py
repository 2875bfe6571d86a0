"""A real PostgreSQL for the store's tests, in this order:

1. TEST_POSTGRES_URL: a server you run (an empty database the tests may fill and drop);
2. a PostgreSQL container through testcontainers, when a Docker engine answers;
3. Debian's PostgreSQL server (`make test` installs it), started from a throw-away data
   folder on a free port on 127.0.0.1, and stopped at the end of the session.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.neo4j_server import _docker_answers


def _bin_dir() -> Path:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not versions:
        raise RuntimeError("PostgreSQL is not installed: run `make test`, which installs "
                           "Debian's postgresql, or set TEST_POSTGRES_URL")
    return versions[-1].parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the `postgres` account."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def _local_server() -> Iterator[str]:
    bin_dir, port = _bin_dir(), _free_port()
    folder = Path(tempfile.mkdtemp(prefix="store-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    run = lambda *command: subprocess.run(_as_server_user(list(command)), check=True,  # noqa: E731
                                          capture_output=True, text=True, timeout=120)
    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "store", "-A", "trust",
        "--no-instructions")
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"), "-o",
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
    try:
        run(str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "store", "store")
        yield f"postgresql+psycopg://store@127.0.0.1:{port}/store"
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def postgres_url() -> Iterator[str]:
    if os.environ.get("TEST_POSTGRES_URL"):
        yield os.environ["TEST_POSTGRES_URL"]
    elif _docker_answers():
        from testcontainers.postgres import PostgresContainer

        with PostgresContainer("postgres:15", driver="psycopg") as container:
            yield container.get_connection_url()
    else:
        with _local_server() as url:
            yield url
