"""Turning graph values into what a conference needs to read: ages, dates, labels."""

from __future__ import annotations

from datetime import date

from graph_views.values import native


def to_date(value) -> date | None:
    """Neo4j dates arrive as neo4j.time.Date; templates want Python dates."""
    return native(value)


def age_text(dob, today: date, unborn: bool = False, expected=None) -> str:
    """'7 years', '4 months', 'unborn (due 28 Jan 2027)'."""
    if unborn or dob is None:
        expected = to_date(expected)
        return f"unborn (due {expected:%-d %b %Y})" if expected else "unborn"
    dob = to_date(dob)
    years = today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))
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


PLAN_NAMES = {"CP": "Child protection", "CIN": "Child in need", "EARLY_HELP": "Early help",
              "LAC": "Looked after", "PRE_BIRTH": "Pre-birth"}

AGENCY_TYPE_NAMES = {
    "childrens_social_care": "Children's social care", "health_visiting": "Health visiting",
    "school_nursing": "School nursing", "gp": "GP", "school": "School",
    "early_years": "Early years", "hospital": "Hospital", "camhs": "CAMHS", "police": "Police",
    "probation": "Probation", "adult_mental_health": "Adult mental health",
    "substance_misuse": "Substance misuse", "housing": "Housing",
    "youth_justice": "Youth justice", "voluntary": "Voluntary sector",
}


def agency_type(code: str) -> str:
    return AGENCY_TYPE_NAMES.get(code, label(code))
