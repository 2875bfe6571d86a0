"""An involvement as the pages and rules see it: one typed row, built once from the record
(dates already Python dates), whichever query it came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.view_models import FromRecord


@dataclass(frozen=True)
class Involvement(FromRecord):
    involvement_id: str
    role: str
    professional_id: str
    professional_name: str
    lead: bool = False
    since: date | None = None
    ended: date | None = None
    last_contact: date | None = None
    ended_reason: str | None = None
    quality: str | None = None
    job_title: str | None = None
    phone: str | None = None
    email: str | None = None
    sensitive_role: bool = False
    agency_id: str | None = None
    agency_name: str | None = None
    agency_type: str | None = None
    # Set when the row is about a family (who the involvement is with, who took over).
    person_id: str | None = None
    person_name: str | None = None
    successor_name: str | None = None

    def as_record(self) -> dict:
        """The plain record graph_views builds pictures from. Every field is a plain value,
        so a shallow copy (dataclasses.asdict deep-copies: a twentieth of a map page)."""
        return dict(self.__dict__)
