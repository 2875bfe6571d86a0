"""An involvement as the pages and rules see it: one typed row, built once from the record
(dates already Python dates), whichever query it came from."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date


@dataclass(frozen=True)
class Involvement:
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

    @classmethod
    def from_record(cls, record: dict) -> Involvement:
        names = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in record.items() if key in names})

    def as_record(self) -> dict:
        """The plain record graph_views builds pictures from."""
        return asdict(self)
