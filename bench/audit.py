"""The audit search over a trail of a million events, through the app as an admin uses it
(`/audit` with its filters), and the plans the store runs for each filter.

The trail is filled once, up to `events`, with events like the product's own (views, maps,
searches, changes, sign-ins; a few refused; spread over a year, chained as the product
chains them) and kept in the bench store for later runs."""

from __future__ import annotations

import random
import statistics
import time
import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, insert, select

from app.audit import chain
from app.audit import repository as audit
from app.db import Database
from app.store import get_store
from app.store.tables import audit_events
from bench.report import Figure
from bench.web import app_against, latency_figures, signed_in_client, timed

TARGET = 200.0  # ms p95
USERS = 1500
# How often each action happens in a working trail, and whether it names a family.
ACTIONS = {"view_family": (35, True), "view_map": (25, True), "search": (15, False),
           "view_person": (8, False), "change": (7, True), "open_page": (4, False),
           "view_gaps": (2, False), "sign_in": (2, False), "export": (1, True),
           "sign_out": (1, False), "query": (0.3, False), "manage_user": (0.1, False),
           "break_glass": (0.05, True), "import": (0.02, False)}
BATCH = 20_000


def measure(db: Database, seed: int, samples: int, events: int) -> list[Figure]:
    with app_against(db) as app:
        with app.app_context():
            families = [r["id"] for r in db.read("bench/sample_families", prefix=f"s{seed}-",
                                                  limit=50_000)]
            added = fill_trail(events, families, random.Random(seed))
            total = _count()
            searches = _searches(families, random.Random(seed + 1))
            plans = {name: _plan(audit.search_statement(**filters))
                     for name, filters in searches.items()}
        admin = signed_in_client(app, "admin")
        rng = random.Random(seed + 2)
        by_kind: dict[str, list[float]] = {name: [] for name in searches}

        def search() -> None:
            name = rng.choice(list(searches))
            response, ms = _timed_get(admin, searches[name])
            assert response.status_code == 200, (name, response.status_code)
            by_kind[name].append(ms)
        all_ms = timed(search, samples)
    slowest = max(by_kind, key=lambda k: statistics.median(by_kind[k] or [0]))
    for name, plan in plans.items():
        print(f"audit search plan, {name}: {plan}")
    return [
        *latency_figures("audit search", all_ms, TARGET,
                         f"{total:,} events ({added:,} added now); {len(searches)} filters "
                         f"in turn; slowest: {slowest}, median "
                         f"{statistics.median(by_kind[slowest]):.1f} ms"),
    ]


def _plan(statement) -> str:
    """How the store runs a search: SQLite's query plan, or PostgreSQL's EXPLAIN."""
    with get_store().reading() as connection:
        compiled = statement.compile(connection, compile_kwargs={"literal_binds": True})
        if connection.dialect.name == "sqlite":
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
            return "; ".join(row[-1] for row in rows)
        return "; ".join(row[0].strip() for row in
                         connection.exec_driver_sql(f"EXPLAIN {compiled}").all())


def _timed_get(client, filters: dict):
    query = {k: v.isoformat() if isinstance(v, date) else v for k, v in filters.items()
             if v is not None}
    started = time.perf_counter()
    response = client.get("/audit", query_string=query)
    return response, (time.perf_counter() - started) * 1000


def _searches(families: list[str], rng: random.Random) -> dict[str, dict]:
    """The filters an admin uses, with values drawn from the trail."""
    busy, quiet = _user(0), _user(USERS - 1)
    month_ago = date.today() - timedelta(days=30)
    return {
        "newest, no filter": {},
        "a busy user": {"user_id": busy},
        "a quiet user": {"user_id": quiet},
        "a family": {"target_id": rng.choice(families)},
        "exports": {"action": "export"},
        "break-glass": {"action": "break_glass"},
        "refused": {"outcome": "denied"},
        "one week, a month ago": {"since": month_ago, "until": month_ago + timedelta(days=6)},
        "a busy user, one week": {"user_id": busy, "since": month_ago,
                                  "until": month_ago + timedelta(days=6)},
        "a busy user, page 5": {"user_id": busy, "page": 5},
    }


def _user(rank: int) -> str:
    return f"bench-audit-user-{rank:04d}"


def _count() -> int:
    with get_store().reading() as connection:
        return connection.execute(select(func.count()).select_from(audit_events)).scalar()


def fill_trail(events: int, families: list[str], rng: random.Random) -> int:
    """Add synthetic events until the trail holds `events`, spread over the past year
    (oldest first), chained to the last event there. Returns how many were added."""
    missing = events - _count()
    if missing <= 0:
        return 0
    store = get_store()
    actions = list(ACTIONS)
    weights = [ACTIONS[a][0] for a in actions]
    # A few users do most of the work (a skewed spread, as in a real trail).
    user_weights = [1 / (rank + 1) for rank in range(USERS)]
    users = [_user(rank) for rank in range(USERS)]
    start = datetime.now(UTC) - timedelta(days=365)
    step = timedelta(days=365) / missing
    with store.begin() as connection:
        store.lock_audit_trail(connection)
        previous = connection.execute(select(audit_events.c.hash)
                                      .order_by(audit_events.c.seq.desc()).limit(1)).scalar()
        previous = previous or chain.GENESIS
        for first in range(0, missing, BATCH):
            rows = []
            for n in range(first, min(first + BATCH, missing)):
                action = rng.choices(actions, weights)[0]
                outcome = rng.choices(["allowed", "denied", "break_glass"], [97, 2.9, 0.1])[0]
                # A fresh id: a trail filled before from the same seed holds the seed's ids.
                event = {"id": str(uuid.uuid4()), "at": start + n * step,
                         "action": action, "user_id": rng.choices(users, user_weights)[0],
                         "target_id": rng.choice(families) if ACTIONS[action][1] else None,
                         "outcome": outcome, "reason": None, "text_hash": None}
                event["prev_hash"] = previous
                event["hash"] = previous = chain.event_hash(previous, event)
                rows.append(event)
            connection.execute(insert(audit_events), rows)
    return missing
