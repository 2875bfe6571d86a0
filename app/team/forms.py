"""The child page's actions, one form each, each on a page of its own (GOV.UK's "one thing
per page"): a form's errors can only ever show on its own page."""

from datetime import date

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectChoice, SelectField
from wtforms.validators import DataRequired, InputRequired

from app.domain import INVOLVEMENT_ROLES
from app.form_fields import IsoDateField
from app.team.changes import END_REASONS

# The successor choice that says, explicitly, that nobody takes over.
NO_SUCCESSOR = "none"
ROLE_CHOICES = [SelectChoice(value, text) for value, text in INVOLVEMENT_ROLES.items()]


def _start_date(label: str) -> IsoDateField:
    return IsoDateField(label, default=date.today,
                     validators=[InputRequired("Enter the start date as YYYY-MM-DD")])


class JoinForm(FlaskForm):
    role = SelectField("Your role for this child", choices=ROLE_CHOICES)
    since = _start_date("Start date")
    lead = BooleanField("I am the lead practitioner for this child")
    confirm_lead = BooleanField("I confirm I am taking over as lead practitioner")


class AddColleagueForm(FlaskForm):
    professional_id = SelectField("Colleague", choices=[], validate_choice=False,
                                  validators=[DataRequired("Choose a colleague")])
    role = SelectField("Their role for this child", choices=ROLE_CHOICES)
    since = _start_date("Start date")
    lead = BooleanField("They are the lead practitioner")
    confirm_lead = BooleanField("I confirm the lead practitioner changes")


class EndForm(FlaskForm):
    involvement_id = HiddenField(validators=[DataRequired()])
    ended = IsoDateField("End date", default=date.today,
                      validators=[InputRequired("Enter the end date as YYYY-MM-DD")])
    reason = SelectField("Why it ends", choices=[SelectChoice(k, v) for k, v in END_REASONS.items()])
    successor_id = SelectField("Who takes over", choices=[], validate_choice=False,
                               validators=[DataRequired("Choose who takes over, or 'No successor'")])
    # Set by the "check your answers" page: nothing ends before the person has seen what
    # will happen (who takes over, or that nobody does).
    confirmed = HiddenField()

    @property
    def successor(self) -> str | None:
        return None if self.successor_id.data == NO_SUCCESSOR else self.successor_id.data


class InvolvementForm(FlaskForm):
    """Seen today: carries the involvement and the CSRF token."""
    involvement_id = HiddenField(validators=[DataRequired()])


class ConcernForm(FlaskForm):
    """Raise or withdraw: carries the CSRF token."""
