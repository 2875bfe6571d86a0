from datetime import date

from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from app.form_fields import IsoDateField


def _collapse_spaces(value):
    """A reason is counted without its surrounding and repeated spaces: ten spaces and a
    letter are not a reason."""
    return " ".join(value.split()) if isinstance(value, str) else value


class BreakGlassForm(FlaskForm):
    reason = TextAreaField(
        "Why do you need to see this family now?", filters=[_collapse_spaces],
        validators=[DataRequired("Enter the reason you need access"),
                    Length(min=10, max=1000,
                           message="The reason must be between 10 and 1,000 characters long")])


def _not_future(form, field) -> None:
    if field.data and field.data > date.today():
        raise ValidationError("The date must be today or in the past")


class MapTimeForm(FlaskForm):
    """When the map is drawn for, and what changed since (a GET form: dates only)."""

    class Meta:
        csrf = False

    as_of = IsoDateField("Show the network as it was on", name_in_message="date",
                         validators=[Optional(), _not_future])
    since = IsoDateField("What changed since", name_in_message="date",
                         validators=[Optional(), _not_future])
