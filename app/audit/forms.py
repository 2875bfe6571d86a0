from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import Length, Optional, ValidationError

from app.domain import AuditAction, AuditOutcome
from app.form_fields import IsoDateField


def _any_of(values) -> list[SelectChoice]:
    return [SelectChoice("", "Any"), *(SelectChoice(v.value, v.value) for v in values)]


def _blank_to_none(value: str | None) -> str | None:
    return (value or "").strip() or None


class AuditFilterForm(FlaskForm):
    """The trail's filters, read from the query string (a GET form: nothing changes, so no
    CSRF token). Ids only: no name ever goes into the URL."""

    class Meta:
        csrf = False

    user_id = StringField("User id", filters=[_blank_to_none], validators=[Length(max=100)])
    target_id = StringField("Target id", filters=[_blank_to_none], validators=[Length(max=200)])
    action = SelectField("Action", choices=_any_of(AuditAction), filters=[_blank_to_none],
                         validate_choice=False)
    outcome = SelectField("Outcome", choices=_any_of(AuditOutcome), filters=[_blank_to_none],
                          validate_choice=False)
    since = IsoDateField("From (YYYY-MM-DD)", "'from' date", validators=[Optional()])
    until = IsoDateField("To (YYYY-MM-DD)", "'to' date", validators=[Optional()])

    def validate_action(self, field) -> None:
        if field.data and field.data not in set(AuditAction):
            raise ValidationError("Choose an action from the list")

    def validate_outcome(self, field) -> None:
        if field.data and field.data not in set(AuditOutcome):
            raise ValidationError("Choose an outcome from the list")

    def filters(self) -> dict:
        return {"user_id": self.user_id.data, "target_id": self.target_id.data,
                "action": self.action.data, "outcome": self.outcome.data,
                "since": self.since.data, "until": self.until.data}
