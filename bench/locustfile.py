"""Signed-in coordinators using the app at once, for `locust` (run by bench/concurrency.py):
each opens family maps and pages, searches by name, calls the JSON API and reads the gaps,
one request after another with no pause (the most the app serves to 20 people).

BENCH_LOAD_DATA names a JSON file: {cookie_name, sessions: [{cookie, csrf_token}], families,
names}."""

from __future__ import annotations

import itertools
import json
import os
import random

from locust import HttpUser, constant, task

DATA = json.loads(open(os.environ["BENCH_LOAD_DATA"], encoding="utf-8").read())  # noqa: SIM115
_ACCOUNTS = itertools.count()


class Coordinator(HttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        # Signed in already (the benchmark made the session and its form token): no password
        # hashing during the run. The cookie is set as the server would set it, so that one
        # it sends back replaces it.
        session = DATA["sessions"][next(_ACCOUNTS) % len(DATA["sessions"])]
        self.client.cookies.set(DATA["cookie_name"], session["cookie"], domain="127.0.0.1",
                                path="/")
        self.token = session["csrf_token"]
        self.rng = random.Random()

    def _family(self) -> str:
        return self.rng.choice(DATA["families"])

    @task(3)
    def family_map(self) -> None:
        self.client.get(f"/families/{self._family()}/map", name="/families/[id]/map")

    @task(3)
    def family_page(self) -> None:
        self.client.get(f"/families/{self._family()}", name="/families/[id]")

    @task(2)
    def network_api(self) -> None:
        self.client.get(f"/api/v1/families/{self._family()}/network",
                        name="/api/v1/families/[id]/network")

    @task(2)
    def search(self) -> None:
        self.client.post("/search", data={"name": self.rng.choice(DATA["names"]),
                                          "csrf_token": self.token}, name="/search")

    @task(1)
    def gaps(self) -> None:
        self.client.get("/gaps", name="/gaps")

    @task(1)
    def family_gaps(self) -> None:
        self.client.get(f"/api/v1/gaps?family={self._family()}", name="/api/v1/gaps?family")
