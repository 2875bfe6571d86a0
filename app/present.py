"""Turning graph values into what a conference needs to read: ages, dates, labels."""

from __future__ import annotations

from datetime import date

from app.domain import AGENCY_TYPES, age_in_years


def age_text(dob, today: date, unborn: bool = False, expected=None) -> str:
    """'7 years', '4 months', 'unborn (due 28 Jan 2027)'."""
    if unborn or dob is None:
        return f"unborn (due {expected:%-d %b %Y})" if expected else "unborn"
    years = age_in_years(dob, today)
    if years >= 2:
        return f"{years} years"
    months = (today.year - dob.year) * 12 + today.month - dob.month - (today.day < dob.day)
    return f"{months} month{'s' if months != 1 else ''}"


ACRONYMS = {"gp": "GP", "idva": "IDVA", "camhs": "CAMHS", "cin": "CIN", "cp": "CP",
            "lac": "LAC", "nhs": "NHS"}


def label(code: str | None) -> str:
    """'allocated_social_worker' -> 'Allocated social worker', 'gp' -> 'GP'."""
    if not code:
        return ""
    words = [ACRONYMS.get(word, word) for word in code.split("_")]
    text = " ".join(words)
    return text[0].upper() + text[1:]


def agency_type(code: str) -> str:
    return AGENCY_TYPES.get(code, label(code))
