"""Server-side timings of the pages and API, through the Flask app against the bench
database: the bare Cypher of a family map, the JSON API, the HTML page, and search."""

from __future__ import annotations

import contextlib
import os
import random
import re
import resource
import statistics
import time
from collections.abc import Callable

from app import create_app
from app.admin import repository as users
from app.config import PROJECT_ROOT, Config
from app.db import ConflictError, Database
from bench.report import Figure
from graph_views import family_map

WARMUP = 20
BENCH_EMAIL = "bench-coordinator@bench.example"
BENCH_PASSWORD = "bench coordinator password"  # noqa: S105 (bench database only)


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(action: Callable[[], object], samples: int) -> list[float]:
    """Milliseconds per call, after a warm-up."""
    for _ in range(WARMUP):
        action()
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def bench_store_url() -> str:
    """The bench's own store (never the run instance's)."""
    return os.environ.get("BENCH_DATABASE_URL") or \
        f"sqlite:///{PROJECT_ROOT / 'instance' / 'bench.sqlite3'}"


def bench_app(db: Database):
    """The app against the bench database, with its own store."""
    app = create_app(Config, NEO4J_URI=db.uri, NEO4J_USER=db.user, NEO4J_PASSWORD=db.password,
                     DATABASE_URL=bench_store_url())
    app.extensions["store"].migrate()
    return app


def csrf_token_of(page: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    if match is None:
        raise RuntimeError("the page has no CSRF token: is the app serving its pages?")
    return match.group(1)


def bench_email(role: str, professional_id: str | None = None, name: str | None = None) -> str:
    if role == "coordinator" and professional_id is None and name is None:
        return BENCH_EMAIL
    return f"bench-{role}-{name or professional_id or 'none'}@bench.example"


def signed_in_client(app, role: str = "coordinator", professional_id: str | None = None,
                     name: str | None = None):
    """A test client signed in as a bench account of this role (made if missing; `name`
    tells several accounts of one role apart)."""
    email = bench_email(role, professional_id, name)
    with app.app_context(), contextlib.suppress(ConflictError):  # made by an earlier run
        users.create_user(email, BENCH_PASSWORD, role, professional_id)
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = csrf_token_of(page)
    response = client.post("/login", data={"email": email, "password": BENCH_PASSWORD,
                                           "csrf_token": token})
    assert response.status_code == 302, f"the bench {role} could not sign in"
    return client


def peak_memory() -> Figure:
    """The benchmark process's peak resident memory: it holds the app (driver, templates,
    requests) and also the generated area while loading, so this is an upper bound."""
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Figure("process peak memory (app + generator)", peak_mb, "MB",
                  note="upper bound for the app: the same process built the area")


@contextlib.contextmanager
def app_against(db: Database):
    """The bench app for the length of a measurement, its driver closed after."""
    app = bench_app(db)
    try:
        yield app
    finally:
        app.extensions["neo4j"].close()


def latency_figures(name: str, ms: list[float], target: float, note: str = "") -> list[Figure]:
    """p50, p95 (against its target) and p99 of a page's times."""
    p95 = percentile(ms, 95)
    return [Figure(f"{name} p50", percentile(ms, 50), "ms", note=note),
            Figure(f"{name} p95", p95, "ms", f"< {target:.0f}", p95 < target),
            Figure(f"{name} p99", percentile(ms, 99), "ms", note=f"{len(ms)} samples")]


def measure(db: Database, seed: int, samples: int) -> list[Figure]:
    with app_against(db) as app:
        return _measure(app, db, seed, samples)


def _measure(app, db: Database, seed: int, samples: int) -> list[Figure]:
    client = signed_in_client(app)
    rng = random.Random(seed)
    prefix = f"s{seed}-"
    families = [r["family_id"] for r in db.read("bench/families_by_network_size", prefix=prefix,
                                                min=30, max=50, limit=50)]
    if not families:
        return [Figure("map: no family of 30-50 nodes in this area", None, "")]
    sizes = [len(client.get(f"/api/v1/families/{f}/network").get_json()["nodes"]) for f in families]

    def bare():
        family_id = rng.choice(families)
        db.read("families/family", family_id=family_id)
        db.read("families/relationships", family_id=family_id)
        db.read("families/team", family_id=family_id, person_id=None)

    def api():
        assert client.get(f"/api/v1/families/{rng.choice(families)}/network").status_code == 200

    def page():
        assert client.get(f"/families/{rng.choice(families)}/map").status_code == 200

    def first_view():
        # As when a family's map is opened for the first time since it changed: the layout
        # is worked out, not taken from the cache.
        family_map.forget_layouts()
        page()

    bare_ms, api_ms, page_ms = timed(bare, samples), timed(api, samples), timed(page, samples)
    first_ms = timed(first_view, samples)
    names = db.read("bench/sample_names", prefix=prefix, limit=500)
    page_html = client.get("/search").get_data(as_text=True)
    token = csrf_token_of(page_html)

    def search():
        name = rng.choice(names)
        response = client.post("/search", data={"name": f"{name['given_name']} {name['family_name']}",
                                                "csrf_token": token})
        assert response.status_code == 200

    search_ms = timed(search, samples)
    ratio = percentile(page_ms, 95) / percentile(bare_ms, 95)
    note = (f"{len(families)} families of {min(sizes)}-{max(sizes)} nodes "
            f"(median {statistics.median(sizes):.0f})")
    return [
        Figure("map: bare Cypher p50", percentile(bare_ms, 50), "ms", note=note),
        Figure("map: bare Cypher p95", percentile(bare_ms, 95), "ms"),
        Figure("map: JSON API p50", percentile(api_ms, 50), "ms"),
        Figure("map: JSON API p95", percentile(api_ms, 95), "ms"),
        Figure("map: HTML page, first view p50", percentile(first_ms, 50), "ms",
               note="layout worked out"),
        Figure("map: HTML page, first view p95", percentile(first_ms, 95), "ms", "< 50",
               percentile(first_ms, 95) < 50),
        Figure("map: HTML page, seen before p50", percentile(page_ms, 50), "ms",
               note="layout from the cache"),
        Figure("map: HTML page, seen before p95", percentile(page_ms, 95), "ms", "< 50",
               percentile(page_ms, 95) < 50),
        Figure("map: page p95 / bare Cypher p95", ratio, "x", "<= 2", ratio <= 2),
        Figure("search p50", percentile(search_ms, 50), "ms"),
        Figure("search p95", percentile(search_ms, 95), "ms", "< 50", percentile(search_ms, 95) < 50),
    ]
