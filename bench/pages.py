"""The pages users wait for, through the app, beyond the map: the family page, a
practitioner's search (names mistyped, through the need-to-know filter), the connection
finder between two people drawn from the whole area, a team change written by a
practitioner ("Seen today", which also re-checks the family's gaps), and the lists a
coordinator works from (their home, children on plans, families)."""

from __future__ import annotations

import random
from collections.abc import Callable

from app.db import Database
from bench.report import Figure
from bench.web import app_against, csrf_token_of, latency_figures, signed_in_client, timed

TARGET = 50.0  # ms p95: family page, search, team change
PATH_TARGET = 200.0  # ms p95: the connection finder
LIST_TARGET = 150.0  # ms p95: a coordinator's lists, as the gaps dashboard's pages
# The lists' first pages: whatever the area's size, a page of 50 (or the home's 10 a list).
LISTS = {"coordinator's home (reviews due, families by gaps)": "/",
         "children on plans, first page": "/plans",
         "reviews due within 4 weeks": "/plans?due=4w",
         "families, first page": "/families"}


def measure(db: Database, seed: int, samples: int) -> list[Figure]:
    with app_against(db) as app:
        return _measure(app, db, seed, samples)


def _mistyped(name: str, rng: random.Random) -> str:
    """A name as it is often typed: a letter dropped, doubled or two swapped."""
    if len(name) < 4:
        return name
    at = rng.randrange(1, len(name) - 2)
    return rng.choice([name[:at] + name[at + 1:], name[:at] + name[at] + name[at:],
                       name[:at] + name[at + 1] + name[at] + name[at + 2:]])


def _measure(app, db: Database, seed: int, samples: int) -> list[Figure]:
    rng = random.Random(seed)
    prefix = f"s{seed}-"
    coordinator = signed_in_client(app)
    families = [r["family_id"] for r in db.read("bench/families_by_network_size", prefix=prefix,
                                                min=20, max=50, limit=200)]
    family_ms = timed(lambda: _ok(coordinator.get(f"/families/{rng.choice(families)}")),
                      samples)

    busy = db.read("bench/busy_practitioner", prefix=prefix, min=5)
    if not busy:
        return [Figure("pages: no practitioner with a caseload in this area", None, "")]
    practitioner = signed_in_client(app, "practitioner", busy[0]["professional_id"])
    names = db.read("bench/sample_names", prefix=prefix, limit=500)
    token = csrf_token_of(practitioner.get("/search").get_data(as_text=True))

    def search():
        name = rng.choice(names)
        typed = f"{_mistyped(name['given_name'], rng)} {_mistyped(name['family_name'], rng)}"
        _ok(practitioner.post("/search", data={"name": typed, "csrf_token": token}))
    search_ms = timed(search, samples)

    people = [r["id"] for r in db.read("bench/sample_people", prefix=prefix, limit=20_000)]
    analyst = signed_in_client(app, "analyst")
    paths_ms = timed(lambda: _ok(analyst.get(
        "/analysis/connections?from={}&to={}".format(*rng.sample(people, 2)))), samples)

    caseload = busy[0]["involvements"]

    def seen_today():  # the session's form token serves every form
        involvement = rng.choice(caseload)
        response = practitioner.post(f"/children/{involvement['child_id']}/contact", data={
            "involvement_id": involvement["involvement_id"], "csrf_token": token})
        assert response.status_code == 302, response.status_code
    write_ms = timed(seen_today, samples)

    def opened(url: str) -> Callable[[], None]:
        return lambda: _ok(coordinator.get(url))
    lists = [figure for name, url in LISTS.items()
             for figure in latency_figures(name, timed(opened(url), samples), LIST_TARGET)]
    return [
        *latency_figures("family page", family_ms, TARGET, f"{len(families)} families"),
        *latency_figures("search as a practitioner, names mistyped", search_ms, TARGET,
                  "need-to-know filter applied"),
        *latency_figures("connection finder (page)", paths_ms, PATH_TARGET,
                  f"pairs from {len(people):,} people"),
        *latency_figures("team change: 'Seen today'", write_ms, TARGET,
                  f"the write and the family's gap check; {len(caseload)} involvements"),
        *lists,
    ]


def _ok(response) -> None:
    assert response.status_code == 200, response.status_code
