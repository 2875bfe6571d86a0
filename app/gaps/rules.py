"""The gap rules of docs/domain.md and their configuration (config/gaps.toml, or GAPS_CONFIG).

The configuration is read and checked once at start: an unknown rule, a bad severity or a
negative number stops the app with a message that names the setting.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.config import PROJECT_ROOT
from app.domain import AGENCY_TYPES, PLAN_TYPES

DEFAULT_CONFIG = PROJECT_ROOT / "config" / "gaps.toml"
SEVERITIES = ("high", "medium", "low")


@dataclass(frozen=True)
class RuleSpec:
    id: str
    title: str
    basis: str
    # Each setting the rule's Cypher takes, with its kind: "number" (a whole number of 0
    # or more), "plan_types" or "agency_types" (lists of known codes).
    settings: dict[str, str] = field(default_factory=dict)


RULE_SPECS = {spec.id: spec for spec in (
    RuleSpec("cp-no-social-worker", "Child protection plan with no social worker",
             "Statutory guidance: a lead social worker is named at the initial conference"),
    RuleSpec("plan-no-lead", "Child in need or early help with no lead practitioner, or two",
             "One lead practitioner per child", {"plan_types": "plan_types"}),
    RuleSpec("under5-no-health-visitor", "Under five, or unborn on a plan, with no health visitor",
             "Healthy Child Programme: health visitors lead for children 0 to 5",
             {"max_age": "number"}),
    RuleSpec("school-age-no-school", "School-age child with no school",
             "Duty to identify children missing education",
             {"min_age": "number", "max_age": "number"}),
    RuleSpec("no-gp", "Child with no GP", "Health information is shared through the GP"),
    RuleSpec("cp-too-few-agencies", "Child protection plan with too few agencies involved",
             "A child protection conference is normally quorate with three agencies",
             {"min_agencies": "number"}),
    RuleSpec("sibling-unseen", "Brother or sister of a child on a plan, known to nobody",
             "All children in the household are considered at conference"),
    RuleSpec("adult-risk-unlinked", "Adult known to adult services, not linked to the child's team",
             "Professionals working with parents are invited to the child's conference",
             {"agency_types": "agency_types"}),
    RuleSpec("handover-gap", "Involvement ended with no successor",
             "Involvement ceased without a handover (serious case reviews)",
             {"days": "number", "lookback_days": "number"}),
    RuleSpec("stale-contact", "No contact recorded for a long time",
             "An involvement nobody keeps up is not an involvement", {"days": "number"}),
    RuleSpec("cp-review-overdue", "Child protection review overdue",
             "First review within 3 months of the conference, then every 6 months",
             {"first_review_months": "number"}),
    RuleSpec("cp-no-nhs-number", "Child on a plan with no NHS number",
             "Health flags cannot work without an NHS number"),
)}


class GapConfigError(ValueError):
    """The gap configuration is wrong; the message names the setting."""


@dataclass(frozen=True)
class Rule:
    spec: RuleSpec
    severity: str
    params: dict[str, Any]

    @property
    def id(self) -> str:
        return self.spec.id


def _check(rule_id: str, name: str, kind: str, value: Any) -> Any:
    where = f"rules.{rule_id}.{name}"
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise GapConfigError(f"gaps config: {where} must be a whole number of 0 or more, "
                                 f"not {value!r}")
        return value
    known = PLAN_TYPES if kind == "plan_types" else AGENCY_TYPES
    if not isinstance(value, list) or not value or any(v not in known for v in value):
        raise GapConfigError(f"gaps config: {where} must be a list of {', '.join(known)}; "
                             f"got {value!r}")
    return value


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")).get("rules", {})
    except FileNotFoundError:
        raise GapConfigError(f"gaps config: {path} does not exist") from None
    except tomllib.TOMLDecodeError as error:
        raise GapConfigError(f"gaps config: {path} is not valid TOML: {error}") from None


def load_rules(path: Path | str | None = None) -> list[Rule]:
    """The enabled rules with their checked settings: an area's file only needs the
    settings it changes; the rest come from the shipped defaults (config/gaps.toml)."""
    sections = _read(DEFAULT_CONFIG)
    if path and Path(path).resolve() != DEFAULT_CONFIG.resolve():
        for rule_id, overrides in _read(Path(path)).items():
            sections[rule_id] = {**sections.get(rule_id, {}), **overrides}
    unknown = sorted(set(sections) - set(RULE_SPECS))
    if unknown:
        raise GapConfigError(f"gaps config: unknown rule {', '.join(unknown)} "
                             f"(known rules: {', '.join(RULE_SPECS)})")
    rules = []
    for rule_id, spec in RULE_SPECS.items():
        section = sections.get(rule_id, {})
        extra = sorted(set(section) - {"enabled", "severity", *spec.settings})
        if extra:
            raise GapConfigError(f"gaps config: rules.{rule_id} has no setting {', '.join(extra)}")
        if not isinstance(section.get("enabled", True), bool):
            raise GapConfigError(f"gaps config: rules.{rule_id}.enabled must be true or false")
        if not section.get("enabled", True):
            continue
        severity = section.get("severity", "medium")
        if severity not in SEVERITIES:
            raise GapConfigError(f"gaps config: rules.{rule_id}.severity must be one of "
                                 f"{', '.join(SEVERITIES)}, not {severity!r}")
        missing = [name for name in spec.settings if name not in section]
        if missing:
            raise GapConfigError(f"gaps config: rules.{rule_id} needs {', '.join(missing)}")
        params = {name: _check(rule_id, name, kind, section[name])
                  for name, kind in spec.settings.items()}
        rules.append(Rule(spec, severity, params))
    return rules
