"""The gaps as last found, kept in the graph (GapState) so that the dashboard, its filters,
its pages and its CSV read them instead of running twelve rules over the whole area.

The state is kept up to date by the writes that change it: a change to a family's records
or team re-checks the families it touches, right after its transaction; an import re-checks
the whole area; and the nightly `flask --app app gaps` re-checks the whole area as a safety
net (rules that depend on the date alone, such as a stale contact, move on with it)."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial

from flask import g

from app import access
from app.domain import child_age_band
from app.extensions import get_db
from app.gaps import kept_counts
from app.gaps.engine import SEVERITY_ORDER, Gap
from app.gaps.repository import current
from graph_views.values import native

log = logging.getLogger(__name__)


def _band(subject: dict | None, today: date) -> str | None:
    """The age band of the person a gap is about, today (None if not known)."""
    if not subject or subject["kind"] not in ("adult", "child"):
        return None
    if subject["kind"] == "adult":
        return "adult"
    if subject["unborn"]:
        return "unborn"
    return child_age_band(subject["dob"], today) if subject["dob"] else None


def _row(gap: Gap, today: date) -> dict:
    subject = gap.subject
    row = {
        "key": gap.key, "rule": gap.rule, "title": gap.title, "severity": gap.severity,
        "rank": SEVERITY_ORDER[gap.severity], "child_id": gap.child_id,
        "person_id": gap.person_id, "family_id": gap.family_id, "subject_id": gap.subject_id,
        "since": gap.since, "agency_type": gap.agency_type,
        "facts": json.dumps({k: v.isoformat() if isinstance(v, date) else v
                             for k, v in gap.facts.items()}, sort_keys=True),
        "sensitive": access.is_sensitive(sensitive_role=gap.facts.get("sensitive_role"),
                                         agency_type=gap.agency_type,
                                         role=gap.facts.get("role")),
        "subject_kind": subject["kind"] if subject else None,
        "subject_dob": subject["dob"] if subject else None,
        "subject_unborn": subject["unborn"] if subject else None,
        "age_band": _band(subject, today),
    }
    # All the gap is, as one digest: a gap found again with the same digest needs no write.
    # Made from its values' repr, in the order above (plain values and dates, whose repr is
    # stable): writing them as JSON again took twice as long (a million children's 236,000
    # gaps: 9.6 s to 5.2 s for their rows).
    row["fingerprint"] = hashlib.sha256(repr(tuple(row.values())).encode()).hexdigest()
    return row


def save(gaps: list[Gap], family_ids: list[str] | None = None,
         today: date | None = None) -> int:
    """Keep `gaps` as found now (`today`: the day their age bands are worked out for) and
    resolve the open ones not found again: across the area, or (with `family_ids`) only
    those of these families. Returns how many were resolved."""
    today = today or date.today()
    db = get_db()
    # A gap about an adult in two families is found once for each (one key): it is kept
    # once, with the first of its families, so that it is counted once and a check finds
    # it unchanged the next time.
    first: dict[str, Gap] = {}
    for gap in sorted(gaps, key=lambda gap: gap.family_id or ""):
        first.setdefault(gap.key, gap)
    rows = [_row(gap, today) for gap in first.values()]
    # Only what changed is written: after an import most of an area's gaps are found again
    # as they were, and rewriting them all took most of the check (tens of seconds).
    [kept] = db.read("gap_state/open_fingerprints",
                     keys=None if family_ids is None else [row["key"] for row in rows])
    fingerprints = dict(kept["open"])
    changed = [row for row in rows if fingerprints.get(row["key"]) != row["fingerprint"]]
    for start in range(0, len(changed), 10_000):
        db.write_transaction(partial(_counted, "gap_state/save",
                                     gaps=changed[start:start + 10_000]))
    resolved = db.write_transaction(partial(_counted, "gap_state/resolve",
                                            keys=[gap.key for gap in gaps],
                                            family_ids=family_ids))["resolved"]
    g.pop("gap_tallies", None)  # counts read earlier in this request are out of date
    if family_ids is None:
        # The counts are kept up to date by each change; counted afresh after a whole
        # area's check all the same, so that no count stays wrong past a night.
        kept_counts.recount(db)
        db.write("gap_state/record_run", gaps=len(rows))
    return resolved


def _counted(query: str, run, **params) -> dict:
    """Run a query that opens or resolves gaps, then move the kept counts by what it
    changed, in the same transaction (the counts never disagree with the gaps)."""
    [row] = run(query, **params)
    run("gap_state/count_moves", moves=row["moves"])
    return row


def check_area(timings: dict | None = None) -> tuple[list[Gap], int]:
    """Run every rule over the whole area and keep what it finds. Returns the gaps and how
    many closed since the last check."""
    found = current(timings=timings)
    return found, save(found)


def check_families(family_ids: Iterable[str]) -> None:
    """Run every rule for each of these families and keep what it finds."""
    family_ids = sorted(set(family_ids))
    if not family_ids:
        return
    found = [gap for family_id in family_ids for gap in current(family_id)]
    save(found, family_ids)


def check_after_change(ids: Iterable[str | None]) -> None:
    """After a change has been written: re-check the families it touches (named by family,
    person or professional ids). A failure here never undoes the change: the nightly check
    of the whole area catches up, so it is logged, not raised."""
    ids = sorted({i for i in ids if i})
    if not ids:
        return
    try:
        families = [r["family_id"] for r in get_db().read("gap_state/families_touched", ids=ids)]
        check_families(families)
    except Exception:
        log.exception("gap_state_check_failed")


@dataclass
class Listing:
    total: int
    gaps: list[Gap]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# What a Gap is made of: a page reads these alone (a state's other properties include
# timestamps, which the driver is slow to convert: a fifth of the dashboard's time).
GAP_COLUMNS = ("rule", "title", "severity", "child_id", "person_id", "family_id", "since",
               "facts")


def _gap(properties: dict) -> Gap:
    # Facts were kept as JSON: their dates come back as dates.
    facts = {k: date.fromisoformat(v) if isinstance(v, str) and _ISO_DATE.fullmatch(v) else v
             for k, v in json.loads(properties.get("facts") or "{}").items()}
    return Gap(properties["rule"], properties["title"], properties["severity"],
               properties.get("child_id"), properties.get("person_id"),
               properties.get("family_id"), native(properties.get("since")), facts)


def _matching(filters: dict, sees_sensitive: bool, reviewed: bool | None) -> dict:
    """The page queries' parameters for these filters."""
    return {"sees_sensitive": sees_sensitive, "reviewed": reviewed,
            **{k: filters.get(k) for k in ("rule", "severity", "agency_type", "age_band")}}


@dataclass(frozen=True)
class Tally:
    """How many open gaps share a rule, severity, sensitivity, agency type, age band (as of
    their last check; None if not known) and follow-up."""
    rule: str
    severity: str
    sensitive: bool
    agency_type: str | None
    age_band: str | None
    reviewed: bool
    gaps: int


def _tallies() -> list[Tally]:
    """The open gaps' tallies, from the counts kept per tally (GapTally); read once per
    request (the dashboard's counts and both its lists' totals use them)."""
    if "gap_tallies" not in g:
        g.gap_tallies = []
        for row in get_db().read("gap_state/counts"):
            rule, severity, sensitive, agency_type, band, follow_up = row["tally"].split("|")
            g.gap_tallies.append(Tally(rule, severity, sensitive == "true", agency_type or None,
                                       band or None, follow_up == "reviewed", row["gaps"]))
    return g.gap_tallies


def _total(filters: dict, sees_sensitive: bool | None, reviewed: bool | None) -> int:
    """How many open gaps match, from the tallies (None: whether sensitive or not)."""
    return sum(t.gaps for t in _tallies()
               if filters.get("rule") in (None, t.rule)
               and filters.get("severity") in (None, t.severity)
               and filters.get("agency_type") in (None, t.agency_type)
               and filters.get("age_band") in (None, t.age_band)
               and (sees_sensitive is not False or not t.sensitive)
               and reviewed in (None, t.reviewed))


# The orders of their own a filter's gaps are read in (gap_state/save), by filter.
_ORDERS = {"rule": "gap_state/page_of_rule", "agency_type": "gap_state/page_of_agency",
           "age_band": "gap_state/page_of_band"}


def _page_query(filters: dict) -> tuple[str, str]:
    """The query that reads a page of these filters in an order of its own, and the prefix
    its gaps share in that order: the order of the filter with the fewest gaps (so a page
    walks past as few others as it can), or the dashboard's without one."""
    severity = filters.get("severity")
    rank = f"{SEVERITY_ORDER[severity]}|" if severity else ""
    chosen = [name for name in _ORDERS if filters.get(name)]
    if not chosen:
        return "gap_state/page", rank
    name = min(chosen, key=lambda n: _total({n: filters[n]}, None, None))
    return _ORDERS[name], f"{filters[name]}|{rank}"


def listing(filters: dict, sees_sensitive: bool, reviewed: bool | None = None, skip: int = 0,
            limit: int = 1_000_000) -> Listing:
    """Open gaps matching `filters` (rule, severity, agency_type, age_band), most severe
    first: those followed up already (`reviewed`), not, or (None) both; a page of them and
    how many."""
    # Those followed up are few: their own index, not a walk through every gap.
    query, prefix = ("gap_state/reviewed_page", "") if reviewed else _page_query(filters)
    [row] = get_db().read(query, skip=skip, limit=limit, columns=list(GAP_COLUMNS),
                          prefix=prefix, **_matching(filters, sees_sensitive, reviewed))
    return Listing(_total(filters, sees_sensitive, reviewed),
                   [_gap(dict(zip(GAP_COLUMNS, values, strict=True))) for values in row["gaps"]])


EXPORT_COLUMNS = ("rule", "severity", "family_id", "subject_id", "since", "subject_kind",
                  "subject_dob", "subject_unborn", "review_status")


def export(filters: dict, sees_sensitive: bool) -> list[dict]:
    """Every open gap matching `filters`, in the listing's order, with only what the CSV
    shows (EXPORT_COLUMNS): a whole area's gaps in one read of few values each."""
    query, prefix = _page_query(filters)
    [row] = get_db().read(query, skip=0, limit=10_000_000, columns=list(EXPORT_COLUMNS),
                          prefix=prefix, **_matching(filters, sees_sensitive, None))
    return [dict(zip(EXPORT_COLUMNS, values, strict=True)) for values in row["gaps"]]


def counts(sees_sensitive: bool) -> dict[str, dict[str, int]]:
    """Open gaps by rule and severity, of those this user may see."""
    found: dict[str, dict[str, int]] = {}
    for t in _tallies():
        if sees_sensitive or not t.sensitive:
            found.setdefault(t.rule, {"high": 0, "medium": 0, "low": 0})[t.severity] += t.gaps
    return found


def by_key(key: str) -> Gap | None:
    rows = get_db().read("gap_state/by_key", key=key)
    return _gap(rows[0]["gap"]) if rows else None


def last_area_check() -> datetime | None:
    rows = get_db().read("gap_state/last_run")
    return native(rows[0]["at"]) if rows else None
