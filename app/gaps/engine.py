"""Running the gap rules: one Cypher file each, over the area or one family."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date

from app.db import Database
from app.gaps.rules import Rule
from graph_views.values import native

# Rules run at once over a whole area (see find_gaps).
RULES_AT_ONCE = 2
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
    # Who it is about as the rule found them ({kind, dob, unborn}), for the kept state's
    # age band; not part of the gap itself.
    subject: dict | None = field(default=None, compare=False, repr=False)

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
    subject = {"kind": "child" if row["child_id"] else "adult",
               "dob": native(row["subject_dob"]), "unborn": row["subject_unborn"]}
    return Gap(rule.id, rule.spec.title, severity, row["child_id"], row["person_id"],
               row["family_id"], native(row["since"]), facts, subject)


# What every rule returns: the subject's date of birth and whether unborn too (the age band
# the kept state is filed under), so that no one is looked up again by id to save a gap (at
# a million children, 224,000 index seeks: 6 to 12 s of a check of the whole area).
RULE_COLUMNS = ("child_id", "person_id", "family_id", "since", "facts", "subject_dob",
                "subject_unborn")


def run_rule(db: Database, rule: Rule, today: date, family_id: str | None = None) -> list[Gap]:
    # Its rows as one list: over a whole area, a row each cost the driver more than the
    # rule took in the database (stale contact at a million children: 102,000 rows).
    [row] = db.read(db.collected(f"gaps/{rule.id}", RULE_COLUMNS), family_id=family_id,
                    today=today, **rule.params)
    return [_gap(rule, dict(zip(RULE_COLUMNS, values, strict=True))) for values in row["rows"]]


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
    rule's seconds (for the benchmark and the nightly job), which runs each rule on its own
    (two at a time)."""
    today = today or date.today()
    if family_id is not None and timings is None:
        gaps = _family_gaps(db, rules, today, family_id)
    else:
        def timed(rule: Rule) -> tuple[list[Gap], float]:
            started = time.perf_counter()
            return run_rule(db, rule, today, family_id), time.perf_counter() - started

        # Rules at once: while the database runs one, the app turns another's rows into
        # gaps (every rule over a million children on 2 cores: 43.8 s one by one, 25.3 s
        # two at a time, 28.1 s three).
        with ThreadPoolExecutor(max_workers=RULES_AT_ONCE) as pool:
            results = list(pool.map(timed, rules))
        gaps = []
        for rule, (found, seconds) in zip(rules, results, strict=True):
            if timings is not None:
                timings[rule.id] = (seconds, len(found))
            gaps.extend(found)
    return sorted(gaps, key=lambda g: (SEVERITY_ORDER[g.severity], g.since or date.max, g.key))
