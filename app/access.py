"""The need-to-know rule, in one place: every view and API call asks this module.

- Coordinators and analysts see the whole area.
- A practitioner sees a family only while their professional is involved with someone in
  it, or was within ACCESS_WINDOW_DAYS (90 by default), or holds an unexpired break-glass
  grant (which is audited with outcome `break_glass`).
- Admins manage users and read the audit trail, but see no family data unless they also
  hold another role.
- Sensitive involvements (a professional with `sensitive_role`, or a sensitive service) are
  shown only to coordinators, to the professional themself, and to the lead practitioner or
  allocated social worker of a child in the family.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from flask import current_app

from app import break_glass
from app.domain import (
    AREA_ROLES,
    FAMILY_ROLES,
    SENSITIVE_AGENCY_TYPES,
    SENSITIVE_ROLES,
    SENSITIVE_SERVICE_ROLES,
)
from app.extensions import get_db
from app.involvements import Involvement


def sees_sensitive_services(user) -> bool:
    """Whether this user sees sensitive services wherever they appear in the area."""
    return bool(user.roles & SENSITIVE_SERVICE_ROLES)


@dataclass(frozen=True)
class Decision:
    exists: bool
    allowed: bool
    outcome: str  # audit outcome: allowed, denied or break_glass
    sees_sensitive: bool = False
    # A record merged into another: the decision is the kept record's, and links move there.
    moved_to: str | None = None


def family_decision(user, family_id: str) -> Decision:
    row = get_db().read(
        "access/practitioner_family_access", professional_id=user.professional_id,
        family_id=family_id, window_days=current_app.config["ACCESS_WINDOW_DAYS"],
    )[0]
    if not row["exists"]:
        return Decision(exists=False, allowed=False, outcome="denied")
    if user.roles & AREA_ROLES:
        return Decision(True, True, "allowed", sees_sensitive=sees_sensitive_services(user))
    if "practitioner" in user.roles:
        if row["involved"]:
            return Decision(True, True, "allowed", sees_sensitive=row["lead"])
        if break_glass.granted_families(user.user_id, [family_id]):
            return Decision(True, True, "break_glass")
    return Decision(True, False, "denied")


def _through_families(user, person_id: str, family_ids: list[str], exists) -> Decision:
    """A person is seen through their families: allowed if any of them is. A person in no
    family is either a record merged into another (decided as that one) or seen by the area
    roles only."""
    decisions = [family_decision(user, family_id) for family_id in family_ids]
    allowed = [d for d in decisions if d.allowed]
    if not decisions:
        kept = get_db().read("access/merged_into", person_id=person_id)
        if kept:
            return replace(person_decision(user, kept[0]["id"]), moved_to=kept[0]["id"])
        found = exists()
        area = bool(user.roles & AREA_ROLES)
        return Decision(found, found and area, "allowed" if found and area else "denied",
                        sees_sensitive=sees_sensitive_services(user))
    if not allowed:
        return Decision(True, False, "denied")
    best = min(allowed, key=lambda d: d.outcome != "allowed")  # prefer a real relationship
    return Decision(True, True, best.outcome, any(d.sees_sensitive for d in allowed))


def child_decision(user, child_id: str) -> Decision:
    family_ids = [row["family_id"] for row in
                  get_db().read("access/practitioner_child_access", child_id=child_id)]
    return _through_families(user, child_id, family_ids,
                             lambda: bool(get_db().read("team/child", child_id=child_id)))


def person_decision(user, person_id: str) -> Decision:
    """A child or an adult, through their families (as a child is)."""
    rows = get_db().read("access/person_families", person_id=person_id)
    return _through_families(user, person_id, rows[0]["family_ids"] if rows else [],
                             lambda: bool(rows))


def visible_family_ids(user, family_ids: list[str]) -> set[str]:
    """Which of these families the user may open: the same rule as family_decision, for a
    list at once (search results)."""
    if user.roles & AREA_ROLES:
        return set(family_ids)
    if "practitioner" not in user.roles or not family_ids:
        return set()
    involved = set()
    if user.professional_id:
        involved = {row["family_id"] for row in get_db().read(
            "access/visible_families", professional_id=user.professional_id,
            family_ids=family_ids, window_days=current_app.config["ACCESS_WINDOW_DAYS"])}
    return involved | break_glass.granted_families(user.user_id, family_ids)


def may_change(decision: Decision) -> bool:
    """Changing a child's team needs a real relationship (or an area role): break-glass
    opens a family to read, never to join its teams or become their lead."""
    return decision.allowed and decision.outcome != "break_glass"


def may_break_glass(user) -> bool:
    """Anyone who works with families may break the glass; an admin-only account may not."""
    return bool(user.roles & FAMILY_ROLES)


def is_sensitive(*, sensitive_role: bool | None, agency_type: str | None,
                 role: str | None) -> bool:
    """The one sensitivity rule: a professional marked `sensitive_role`, an agency of a
    sensitive type, or an involvement in a role that names a sensitive service."""
    return bool(sensitive_role) or agency_type in SENSITIVE_AGENCY_TYPES or \
        role in SENSITIVE_ROLES


def sensitivity_params() -> dict:
    """The rule's terms, for the queries that apply it in the database."""
    return {"sensitive_agency_types": sorted(SENSITIVE_AGENCY_TYPES),
            "sensitive_roles": sorted(SENSITIVE_ROLES)}


def sensitive_professionals(professional_ids: list[str]) -> set[str]:
    """Of these professionals, those of a sensitive service (by their own mark or their
    agency's type), whatever else a query returned about them."""
    if not professional_ids:
        return set()
    return {row["id"] for row in get_db().read(
        "access/sensitive_professionals", ids=professional_ids,
        sensitive_agency_types=sorted(SENSITIVE_AGENCY_TYPES))}


def visible_gaps(gaps: list, sees_sensitive: bool) -> list:
    """Gaps that would reveal a sensitive service (an adult known to mental health or
    substance misuse services, a domestic abuse adviser's stale contact) are shown only to
    those who may see sensitive involvements."""
    if sees_sensitive:
        return gaps
    return [g for g in gaps if not is_sensitive(
        sensitive_role=g.facts.get("sensitive_role"), agency_type=g.agency_type,
        role=g.facts.get("role"))]


def visible_involvements(user, decision: Decision,
                         involvements: list[Involvement]) -> list[Involvement]:
    """Drop the sensitive involvements this user has no need to know about."""
    if decision.sees_sensitive:
        return involvements
    return [i for i in involvements
            if not is_sensitive(sensitive_role=i.sensitive_role, agency_type=i.agency_type,
                                role=i.role)
            or i.professional_id == user.professional_id]
