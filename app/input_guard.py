"""Input that the databases cannot hold is refused at the door, naming the field: a lone
surrogate (half of a UTF-16 pair, which JSON can carry and UTF-8 cannot), or a whole number
beyond 64 bits (Neo4j's and SQL's integers). Without this they would reach a driver and
come back as a 500."""

from __future__ import annotations

import re
from collections.abc import Container, Mapping

from flask import Flask, render_template, request

from app.errors import invalid_input

INT64 = 2 ** 63
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _problems(value, field: str):
    if isinstance(value, str):
        if LONE_SURROGATE.search(value):
            yield field, "holds a character that is not valid text"
    elif isinstance(value, bool):
        return
    elif isinstance(value, int):
        if not -INT64 <= value < INT64:
            yield field, "is a number too large to store"
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _problems(key, field)
            yield from _problems(item, f"{field}.{key}" if field else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _problems(item, f"{field}[{index}]")


def bounded_int_arg(name: str, default: int, low: int, high: int) -> int:
    """A whole-number query argument kept between low and high (the default when missing
    or not a number)."""
    value = request.args.get(name, default, type=int)
    return max(low, min(high, value if value is not None else default))


def chosen_filters(allowed: Mapping[str, Container[str]]) -> dict[str, str]:
    """The list filters asked for in the query string, each among the values its list
    offers; one it does not offer is left out (the page says which filters apply)."""
    return {name: value for name, values in allowed.items()
            if (value := request.args.get(name)) and value in values}


def init_app(app: Flask) -> None:
    @app.before_request
    def refuse_unstorable_input():
        sources: list[object] = [request.args.to_dict(), request.form.to_dict()]
        if request.is_json:
            sources.append(request.get_json(silent=True))
        errors: dict[str, list[str]] = {}
        for source in sources:
            for field, message in _problems(source, ""):
                errors.setdefault(field or "body", []).append(f"{field or 'body'} {message}")
        if not errors:
            return None
        if request.path.startswith("/api/"):
            return invalid_input(errors)
        return render_template("errors/error.html", status=400,
                               title="Your request holds a value the service cannot use"), 400
