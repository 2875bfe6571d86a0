"""What the pages show, as typed rows built once from the records (dates already Python
dates, see app/db.py), whichever query they came from. Templates and rules read
attributes; nothing past the repositories handles a raw record."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from typing import Any, Self


class FromRecord:
    """Built from a query's row by field name; columns the page does not use are left out."""

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Self:
        names = _field_names(cls)
        return cls(**{key: value for key, value in record.items() if key in names})


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def _field_names(cls: type) -> frozenset[str]:
    """A row type's field names, worked out once per type (pages build hundreds of rows)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))
    return names


@dataclass(frozen=True)
class FamilyRef(FromRecord):
    id: str
    name: str
    # Whether the user may open it (the need-to-know rule, app/access.py).
    visible: bool = True


def _families(record: dict[str, Any]) -> tuple[FamilyRef, ...]:
    return tuple(FamilyRef.from_record(f) for f in record.get("families") or ())


@dataclass(frozen=True)
class Home(FromRecord):
    id: str
    address: str | None = None
    postcode: str | None = None


@dataclass(frozen=True)
class Person(FromRecord):
    """A child or an adult: a family's member, a child's page, a search result."""
    id: str
    kind: str = "child"
    given_name: str = ""
    family_name: str = ""
    dob: date | None = None
    unborn: bool | None = None
    expected_date: date | None = None
    gender: str | None = None
    deceased: bool | None = None
    role: str | None = None  # in the family
    homes: tuple[Home, ...] = ()
    families: tuple[FamilyRef, ...] = ()
    score: float | None = None  # a search's relevance

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Self:
        person = super().from_record(record)
        return replace(person,
                       homes=tuple(Home.from_record(h) for h in record.get("homes") or ()),
                       families=_families(record))

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def visible(self) -> bool:
        """A search result may be opened when one of its families may be."""
        return any(f.visible for f in self.families)

    def with_visible_families(self, visible_ids: set[str]) -> Person:
        return replace(self, families=tuple(replace(f, visible=f.id in visible_ids)
                                            for f in self.families))


@dataclass(frozen=True)
class Plan(FromRecord):
    id: str
    child_id: str
    child_name: str
    type: str
    category: str | None = None
    start: date | None = None
    end: date | None = None
    icpc_date: date | None = None
    next_review: date | None = None


@dataclass(frozen=True)
class Concern(FromRecord):
    professional_id: str
    professional_name: str
    agency_id: str | None = None
    agency_name: str | None = None
    raised_at: datetime | None = None


@dataclass(frozen=True)
class ActivityEntry(FromRecord):
    """A change to a child's team, on the child's page or in a user's feed."""
    at: datetime
    kind: str
    professional_name: str | None = None
    role: str | None = None
    detail: str | None = None
    child_id: str | None = None
    child_name: str | None = None
    unread: bool = False


@dataclass(frozen=True)
class MyInvolvement(FromRecord):
    """One of the signed-in professional's children."""
    involvement_id: str
    child_id: str
    child_name: str
    role: str
    since: date | None = None
    last_contact: date | None = None
    lead: bool = False
    leads: tuple[str, ...] = ()
    families: tuple[FamilyRef, ...] = field(default=())

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Self:
        row = super().from_record(record)
        return replace(row, leads=tuple(record.get("leads") or ()), families=_families(record))
