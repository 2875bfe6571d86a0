"""The demo area, loaded as `flask seed` loads it: the graph, and its users in the store."""

from __future__ import annotations

from datetime import date

from seed.install import install_demo


def load_demo(app, password: str, today: date | None = None):
    with app.app_context():
        return install_demo(app.extensions["neo4j"], password, today=today)
