"""Values as they come back from the driver, made plain for Python and templates."""

from datetime import date


def age_in_years(dob: date, today: date) -> int:
    """Whole years between a date of birth and today (a birthday on 29 February counts on
    1 March in other years)."""
    return today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))


def plain(value):
    """A record's value with every driver date and time inside it made a Python one
    (through lists and maps), so that nothing past the database layer sees driver types."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return native(value)


def native(value):
    """neo4j.time.Date / DateTime -> datetime.date / datetime; anything else unchanged."""
    return value.to_native() if hasattr(value, "to_native") else value
