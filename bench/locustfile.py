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

from locust import FastHttpUser, constant, task

DATA = json.loads(open(os.environ["BENCH_LOAD_DATA"], encoding="utf-8").read())  # noqa: SIM115
_ACCOUNTS = itertools.count()


class Coordinator(FastHttpUser):
    # locust's lighter HTTP client: the load tool shares the app's two cores, and its
    # requests-based client took a tenth of them.
    wait_time = constant(0)

    def on_start(self) -> None:
        # Signed in already (the benchmark made the session and its form token): no password
        # hashing during the run. The session cookie is sent as is with every request.
        session = DATA["sessions"][next(_ACCOUNTS) % len(DATA["sessions"])]
        self.headers = {"Cookie": f"{DATA['cookie_name']}={session['cookie']}"}
        self.token = session["csrf_token"]
        self.rng = random.Random()

    def _request(self, method: str, path: str, name: str, **options) -> None:
        """Only the page itself counts: a redirect (to the sign-in page, say) is an error."""
        with self.client.request(method, path, name=name, headers=self.headers,
                                 allow_redirects=False, catch_response=True,
                                 **options) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")

    def _family(self) -> str:
        return self.rng.choice(DATA["families"])

    @task(3)
    def family_map(self) -> None:
        self._request("GET", f"/families/{self._family()}/map", "/families/[id]/map")

    @task(3)
    def family_page(self) -> None:
        self._request("GET", f"/families/{self._family()}", "/families/[id]")

    @task(2)
    def network_api(self) -> None:
        self._request("GET", f"/api/v1/families/{self._family()}/network",
                      "/api/v1/families/[id]/network")

    @task(2)
    def search(self) -> None:
        self._request("POST", "/search", "/search", data={
            "name": self.rng.choice(DATA["names"]), "csrf_token": self.token})

    @task(1)
    def gaps(self) -> None:
        self._request("GET", "/gaps", "/gaps")

    @task(1)
    def family_gaps(self) -> None:
        self._request("GET", f"/api/v1/gaps?family={self._family()}", "/api/v1/gaps?family")
