"""The API validates a JSON body through the page's own form class, so a field has one
name, one rule and one message whether it arrives from a page or from a script.

JSON has types that form data has not: a true/false field must be sent as a JSON boolean,
a number (a record's version) as a JSON number or a string, a multiple choice as a list of
strings, and every other field as a string (a date as YYYY-MM-DD), or null for "not
given"; otherwise the field is named in the error before the form sees it."""

from __future__ import annotations

from typing import Any, TypeVar

from flask import request
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, IntegerField, SelectMultipleField

from app.errors import invalid_input

FormT = TypeVar("FormT", bound=FlaskForm)


class BodyError(Exception):
    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("invalid body")
        self.errors = errors

    def response(self):
        return invalid_input(self.errors)


def json_object(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise BodyError({"body": ["Send a JSON object"]})
    return body


def request_body() -> dict[str, Any]:
    """The request's JSON object (a body that is not one is a BodyError)."""
    return json_object(request.get_json(silent=True))


def validated(form_class: type[FormT], body: dict[str, Any],
              choices: dict[str, list] | None = None) -> FormT:
    """The form filled from `body` and validated (CSRF is not used: the API takes a bearer
    token, which a browser never sends by itself). `choices` fills selects whose options
    come from the graph, as the page does. Raises BodyError naming each bad field."""
    # Formdata is given explicitly: left to itself, Flask-WTF would read the JSON body
    # untyped. The form is filled again below, once the types are checked.
    form = form_class(meta={"csrf": False}, formdata=MultiDict())
    for name, options in (choices or {}).items():
        form[name].choices = options
    errors: dict[str, list[str]] = {}
    formdata: MultiDict[str, str] = MultiDict()
    for field in form:
        value = body.get(field.name)
        if value is None:
            continue
        if isinstance(field, BooleanField):
            if not isinstance(value, bool):
                errors[field.name] = [f"{field.name} must be true or false"]
            elif value:
                formdata[field.name] = "y"
        elif isinstance(field, SelectMultipleField):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                errors[field.name] = [f"{field.name} must be a list of texts"]
            else:
                formdata.setlist(field.name, value)
        elif isinstance(field, IntegerField) and isinstance(value, int) \
                and not isinstance(value, bool):
            formdata[field.name] = str(value)
        elif isinstance(value, str):
            formdata[field.name] = value
        else:
            errors[field.name] = [f"{field.name} must be text"]
    if errors:
        raise BodyError(errors)
    form.process(formdata)
    if not form.validate():
        raise BodyError({name: list(messages) for name, messages in form.errors.items()})
    return form
