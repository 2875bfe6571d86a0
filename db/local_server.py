"""Start a local Neo4j instance (run, test or bench) from Python and learn how to reach it."""

from __future__ import annotations

import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "neo4j.sh"


@dataclass(frozen=True)
class Server:
    uri: str
    user: str
    password: str
    source: str


def start_local_instance(name: str) -> Server:
    """Start the instance if it is not running (waiting until Bolt answers) and return it."""
    subprocess.run([str(SCRIPT), "start", name], check=True, stdout=subprocess.DEVNULL)
    exports = subprocess.run([str(SCRIPT), "env", name], check=True, capture_output=True,
                             text=True).stdout
    values = dict(item.split("=", 1) for item in shlex.split(exports) if "=" in item)
    return Server(values["NEO4J_URI"], values["NEO4J_USER"], values["NEO4J_PASSWORD"],
                  f"local {name} instance")
