"""An in-memory batch of the graph model's nodes and relationships, ready to load.

Both the hand-written demo families and the synthetic area generator describe their data
through `GraphBatch`; `seed.loader` then writes it with one UNWIND query per kind. The
method names and properties follow the graph model in docs/domain.md (the public contract).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Load order: nodes first, then relationships (which match their end nodes by id).
NODE_KINDS = ("Child", "Adult", "Family", "Household", "Agency", "Professional", "Plan")
RELATIONSHIP_KINDS = (
    "MEMBER_OF", "LIVES_AT", "PARENT_OF", "PARTNER_OF", "WORKS_FOR", "INVOLVED_WITH",
    "HANDED_OVER_TO", "SUBJECT_OF",
)


def _props(**values: Any) -> dict[str, Any]:
    """Only the properties that have a value: Neo4j stores no nulls, and absent means unknown."""
    return {key: value for key, value in values.items() if value is not None}


@dataclass
class GraphBatch:
    nodes: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    relationships: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))

    # Nodes -------------------------------------------------------------------------------

    def _node(self, kind: str, node_id: str, /, **props: Any) -> str:
        self.nodes[kind].append({"id": node_id, "props": _props(**props)})
        return node_id

    def child(self, node_id: str, given_name: str, family_name: str, dob: date | None,
              gender: str, nhs_number: str | None = None, expected_date: date | None = None,
              sensitive: bool | None = None) -> str:
        """A child; an unborn child has no dob but an expected date (and `unborn: true`)."""
        unborn = True if dob is None else None
        return self._node("Child", node_id, given_name=given_name, family_name=family_name,
                          dob=dob, gender=gender, nhs_number=nhs_number, unborn=unborn,
                          expected_date=expected_date, sensitive=sensitive)

    def adult(self, node_id: str, given_name: str, family_name: str, dob: date | None,
              gender: str, nhs_number: str | None = None, sensitive: bool | None = None,
              deceased: bool | None = None) -> str:
        return self._node("Adult", node_id, given_name=given_name, family_name=family_name,
                          dob=dob, gender=gender, nhs_number=nhs_number, sensitive=sensitive,
                          deceased=deceased)

    def family(self, node_id: str, name: str) -> str:
        return self._node("Family", node_id, name=name)

    def household(self, node_id: str, address: str, postcode: str) -> str:
        return self._node("Household", node_id, address=address, postcode=postcode)

    def agency(self, node_id: str, name: str, agency_type: str) -> str:
        return self._node("Agency", node_id, name=name, type=agency_type)

    def professional(self, node_id: str, name: str, job_title: str, email: str, phone: str,
                     agency_id: str, sensitive_role: bool | None = None) -> str:
        self._node("Professional", node_id, name=name, job_title=job_title, email=email,
                   phone=phone, sensitive_role=sensitive_role)
        self._rel("WORKS_FOR", node_id, agency_id)
        return node_id

    def plan(self, node_id: str, child_id: str, plan_type: str, start: date,
             category: str | None = None, end: date | None = None, icpc_date: date | None = None,
             next_review: date | None = None) -> str:
        self._node("Plan", node_id, type=plan_type, category=category, start=start, end=end,
                   icpc_date=icpc_date, next_review=next_review)
        self._rel("SUBJECT_OF", child_id, node_id)
        return node_id

    # Relationships -----------------------------------------------------------------------

    def _rel(self, rel_type: str, source: str, target: str, /, **props: Any) -> None:
        self.relationships[rel_type].append(
            {"from": source, "to": target, "props": _props(**props)})

    def member(self, person_id: str, family_id: str, role: str) -> None:
        self._rel("MEMBER_OF", person_id, family_id, role=role)

    def lives_at(self, person_id: str, household_id: str, since: date | None = None,
                 until: date | None = None) -> None:
        self._rel("LIVES_AT", person_id, household_id, **{"from": since, "to": until})

    def parent_of(self, adult_id: str, child_id: str, kind: str = "birth") -> None:
        self._rel("PARENT_OF", adult_id, child_id, kind=kind)

    def partner_of(self, adult_id: str, other_id: str, status: str = "current") -> None:
        self._rel("PARTNER_OF", adult_id, other_id, status=status)

    def involve(self, involvement_id: str, professional_id: str, person_id: str, role: str,
                since: date, lead: bool = False, until: date | None = None,
                last_contact: date | None = None, ended_reason: str | None = None,
                quality: str | None = None) -> str:
        """An involvement; `id` (an extension of the model) lets a change name one of them."""
        self.relationships["INVOLVED_WITH"].append({
            "from": professional_id, "to": person_id,
            "props": _props(id=involvement_id, role=role, lead=lead, last_contact=last_contact,
                            ended_reason=ended_reason, quality=quality,
                            **{"from": since, "to": until}),
        })
        return involvement_id

    def handed_over(self, leaver_id: str, successor_id: str, person_id: str, on: date) -> None:
        self._rel("HANDED_OVER_TO", leaver_id, successor_id, on=on, **{"for": person_id})

    # Totals ------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        totals = {kind: len(self.nodes.get(kind, ())) for kind in NODE_KINDS}
        totals.update({kind: len(self.relationships.get(kind, ())) for kind in RELATIONSHIP_KINDS})
        return totals

    def size(self) -> int:
        return sum(self.counts().values())
