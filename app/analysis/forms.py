"""The analysts' forms: the console, and one form per saved query built from the typed
parameters in its header (cypher/analysis/saved/)."""

from __future__ import annotations

import json
from typing import Any

from flask_wtf import FlaskForm
from wtforms import Field, HiddenField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from app.analysis.repository import Param, SavedQuery

EXAMPLE_PARAMS = '{"id": "demo-fam-clarke"}'


def _strip(value: str | None) -> str:
    return (value or "").strip()


class ConsoleForm(FlaskForm):
    query = TextAreaField("Query", validators=[DataRequired("Enter a query")])
    params = StringField("Parameters (JSON)", default="{}",
                         filters=[lambda value: _strip(value) or "{}"])
    save_as = StringField("Title to save it under (optional)", filters=[_strip],
                          validators=[Optional(), Length(max=200)])

    def validate_params(self, field: Field) -> None:
        try:
            value = json.loads(field.data)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            raise ValidationError(f"Enter a JSON object, like {EXAMPLE_PARAMS}")

    def parameters(self) -> dict[str, Any]:
        return json.loads(self.params.data)


def _checked_by(param: Param):
    """The parameter's own parse rule, as a form validator: one rule for every caller."""
    def check(form, field: Field) -> None:
        try:
            param.parse(field.data)
        except ValueError as error:
            raise ValidationError(str(error)) from None
    return check


def _field(param: Param) -> Field:
    label = param.name.replace("_", " ")
    if param.kind == "choice":
        return SelectField(label, choices=[SelectChoice(c, c) for c in param.choices],
                           default=param.default, validate_choice=False,
                           validators=[_checked_by(param)])
    return StringField(label, default=param.default, filters=[_strip],
                       validators=[_checked_by(param)],
                       render_kw={"inputmode": "numeric"} if param.kind == "int" else None)


def saved_query_form(chosen: SavedQuery) -> FlaskForm:
    """A form whose fields are the saved query's parameters, by their names."""
    fields: dict[str, Any] = {"query": HiddenField(default=chosen.name.split("/")[-1])}
    fields.update((param.name, _field(param)) for param in chosen.params)
    form_class = type("SavedQueryForm", (FlaskForm,), fields)
    return form_class()


def parameter_values(chosen: SavedQuery, form: FlaskForm) -> dict[str, Any]:
    return {param.name: param.parse(form[param.name].data) for param in chosen.params}
