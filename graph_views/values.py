"""Values as they come back from the driver, made plain for Python and templates."""

from datetime import date

from neo4j.graph import Node, Path, Relationship


def age_in_years(dob: date, today: date) -> int:
    """Whole years between a date of birth and today (a birthday on 29 February counts on
    1 March in other years)."""
    return today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))


_AS_IS = (str, int, float, bool, type(None))


def plain(value):
    """A record's value with every driver date and time inside it made a Python one
    (through lists and maps), so that nothing past the database layer sees driver types.
    Nodes become maps of their properties, relationships (start, type, end) and paths
    [node, type, node, ...], as the driver's Record.data() makes them; done here in one
    pass (the driver's own walk and then this one cost a sixth of a small page)."""
    kind = type(value)
    if kind is dict:
        return {key: plain(item) for key, item in value.items()}
    if kind is list:
        return [plain(item) for item in value]
    if kind in _AS_IS:
        return value
    if isinstance(value, Node):
        return plain(dict(value))
    if isinstance(value, Relationship):
        return (plain(dict(value.start_node or {})), type(value).__name__,
                plain(dict(value.end_node or {})))
    if isinstance(value, Path):
        walk = [plain(dict(value.start_node))]
        for relationship, node in zip(value.relationships, value.nodes[1:], strict=True):
            walk += [type(relationship).__name__, plain(dict(node))]
        return walk
    return native(value)


def native(value):
    """neo4j.time.Date / DateTime -> datetime.date / datetime; anything else unchanged."""
    return value.to_native() if hasattr(value, "to_native") else value
