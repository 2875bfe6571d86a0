"""Jinja filters for every template, so that dates, ages and codes read the same way on
every page (and no template formats a driver value itself)."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask

from app import navigation, present
from app.domain import PLAN_TYPES
from app.tables import data_table, table_cell


def format_date(value) -> str:
    """'3 Nov 2026', from a date or a datetime; '' for none."""
    return f"{value:%-d %b %Y}" if value else ""


def format_timestamp(value) -> str:
    """'2026-11-03 14:05:09' (UTC): to the second, for the audit trail."""
    return f"{value:%Y-%m-%d %H:%M:%S}" if value else ""


def format_datetime(value) -> str:
    """'3 Nov 2026 14:05' (UTC)."""
    return f"{value:%-d %b %Y %H:%M}" if isinstance(value, datetime) else format_date(value)


def age(person) -> str:
    """A person's age as a conference says it ('7 years', '4 months', 'unborn (due ...)'),
    from anything with dob, unborn and expected_date."""
    get = person.get if isinstance(person, dict) else lambda key: getattr(person, key, None)
    return present.age_text(get("dob"), date.today(), bool(get("unborn")), get("expected_date"))


def plain(value) -> str:
    """A value from a query's results as text (dates in ISO form)."""
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return "" if value is None else str(value)


def ended_cell(cell: dict, ended) -> dict:
    """A table cell greyed out when the row's involvement has ended."""
    return {**cell, "classes": "app-ended"} if ended else cell


def select_items(field) -> list[dict]:
    """A WTForms select field's choices as GOV.UK Frontend's select items."""
    return [{"value": choice.value, "text": choice.label, "selected": choice.selected}
            for choice in field.iter_choices()]


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(
        date=format_date, datetime=format_datetime, timestamp=format_timestamp, age=age, label=present.label,
        agency_type=present.agency_type, select_items=select_items,
        plan_type=lambda code: PLAN_TYPES.get(code, code), table_cell=table_cell,
        ended_cell=ended_cell, plain=plain)
    app.jinja_env.globals["table_markup"] = data_table
    app.jinja_env.globals["nav_items"] = navigation.items
