"""Running the gap rules: one Cypher file each, over the area or one family."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date

from app.db import Database
from app.gaps.rules import Rule
from graph_views.values import native

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
# The agency type a gap is about, for the dashboard's agency filter.
RULE_AGENCY_TYPE = {
    "cp-no-social-worker": "childrens_social_care", "under5-no-health-visitor": "health_visiting",
    "school-age-no-school": "school", "no-gp": "gp",
}
ROLE_AGENCY_TYPE = {
    "allocated_social_worker": "childrens_social_care", "key_worker": "childrens_social_care",
    "independent_reviewing_officer": "childrens_social_care", "health_visitor": "health_visiting",
    "school_nurse": "school_nursing", "gp": "gp", "designated_safeguarding_lead": "school",
    "early_years_key_person": "early_years", "midwife": "hospital",
    "camhs_practitioner": "camhs", "police_officer": "police",
    "probation_officer": "probation", "youth_justice_officer": "youth_justice",
    "housing_officer": "housing", "idva": "voluntary", "recovery_worker": "substance_misuse",
    "care_coordinator": "adult_mental_health",
}


@dataclass
class Gap:
    rule: str
    title: str
    severity: str
    child_id: str | None
    person_id: str | None
    family_id: str | None
    since: date | None
    facts: dict = field(default_factory=dict)

    @property
    def subject_id(self) -> str:
        return self.child_id or self.person_id or ""

    @property
    def key(self) -> str:
        """Stable across runs: the same gap keeps its key while it lasts."""
        detail = self.facts.get("involvement_id") or self.facts.get("professional_id") or ""
        return ":".join(part for part in (self.rule, self.subject_id, detail) if part)

    @property
    def agency_type(self) -> str | None:
        return (RULE_AGENCY_TYPE.get(self.rule) or self.facts.get("agency_type")
                or ROLE_AGENCY_TYPE.get(self.facts.get("role") or ""))


def _gap(rule: Rule, row: dict) -> Gap:
    facts = {k: native(v) for k, v in (row["facts"] or {}).items()}
    severity = "high" if rule.id == "handover-gap" and facts.get("was_lead") else rule.severity
    return Gap(rule.id, rule.spec.title, severity, row["child_id"], row["person_id"],
               row["family_id"], native(row["since"]), facts)


def run_rule(db: Database, rule: Rule, today: date, family_id: str | None = None) -> list[Gap]:
    rows = db.read(f"gaps/{rule.id}", family_id=family_id, today=today, **rule.params)
    return [_gap(rule, row) for row in rows]


def _family_gaps(db: Database, rules: list[Rule], today: date, family_id: str) -> list[Gap]:
    """Every rule over one family in one statement: the family page, its API and the
    re-check after each write ran twelve (each round trip about a quarter of a millisecond
    of the app's CPU). A rule's own settings are renamed per rule (two take `$days`)."""
    parts, params = [], {}
    for n, rule in enumerate(rules):
        renames = tuple((setting, f"rule{n}_{setting}") for setting in rule.params)
        parts.append((f"gaps/{rule.id}", renames))
        params.update({renamed: rule.params[setting] for setting, renamed in renames})
    rows = db.read(db.union_all(parts), family_id=family_id, today=today, **params)
    return [_gap(rules[row["part"]], row) for row in rows]


def find_gaps(db: Database, rules: list[Rule], today: date | None = None,
              family_id: str | None = None, timings: dict | None = None) -> list[Gap]:
    """Every gap, most severe first, then oldest first. `timings`, if given, receives each
    rule's seconds (for the benchmark and the nightly job), which runs the rules one by one."""
    today = today or date.today()
    if family_id is not None and timings is None:
        gaps = _family_gaps(db, rules, today, family_id)
    else:
        gaps = []
        for rule in rules:
            started = time.perf_counter()
            found = run_rule(db, rule, today, family_id)
            if timings is not None:
                timings[rule.id] = (time.perf_counter() - started, len(found))
            gaps.extend(found)
    return sorted(gaps, key=lambda g: (SEVERITY_ORDER[g.severity], g.since or date.max, g.key))
