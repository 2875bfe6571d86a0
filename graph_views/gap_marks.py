"""Gaps drawn on the family map: where a required professional is missing, a dashed red
placeholder in the professional's place ("No health visitor", "No social worker since 30
Oct"), with a dashed red line to the person; a child nobody knows is outlined. Gaps that are
not about a missing professional are listed beside the map, not drawn."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

# The role missing, by rule; handover gaps name the role that ended.
MISSING = {"cp-no-social-worker": "social worker", "under5-no-health-visitor": "health visitor",
           "school-age-no-school": "school", "no-gp": "GP",
           "plan-no-lead": "lead practitioner"}
OUTLINED = {"sibling-unseen"}


def _since(value: str | None) -> str:
    return f" since {date.fromisoformat(value):%-d %b}" if value else ""


def placeholders(gaps: list[dict], role_label: Callable[[str], str]) -> list[dict]:
    """One placeholder per missing professional: {id, label, person, rule}."""
    marks = []
    for gap in gaps:
        person = gap.get("child_id") or gap.get("person_id")
        if not person:
            continue
        if gap["rule"] in MISSING:
            what = MISSING[gap["rule"]]
        elif gap["rule"] == "handover-gap" and gap["facts"].get("role"):
            what = role_label(gap["facts"]["role"]).lower()
        else:
            continue
        marks.append({"id": f"gap:{gap['key']}", "person": person, "rule": gap["rule"],
                      "label": f"No {what}{_since(gap.get('since'))}\n(gap)"})
    return marks


def outlined(gaps: list[dict]) -> list[str]:
    people = {gap.get("child_id") or gap.get("person_id") for gap in gaps
              if gap["rule"] in OUTLINED}
    return sorted(p for p in people if p)
