"""Values as they come back from the driver, made plain for Python and templates."""


def native(value):
    """neo4j.time.Date / DateTime -> datetime.date / datetime; anything else unchanged."""
    return value.to_native() if hasattr(value, "to_native") else value
