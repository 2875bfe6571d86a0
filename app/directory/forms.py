"""The directory's forms: an agency, a professional, an account link, and a leaver's
handovers (one choice per ongoing involvement, built for the professional)."""

from __future__ import annotations

from datetime import date

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional, Regexp

from app.directory import repository as directory
from app.domain import AGENCY_TYPES
from app.form_fields import DateInputField
from app.records.forms import VersionedForm, not_future

AGENCY_TYPE_CHOICES = [SelectChoice("", "Choose the type")] + [
    SelectChoice(k, v) for k, v in AGENCY_TYPES.items()]


def _text(label: str, message: str, max_length: int = 200) -> StringField:
    return StringField(label, validators=[DataRequired(message), Length(max=max_length)],
                       filters=[lambda v: " ".join(v.split()) if v else v])


class AgencyForm(FlaskForm):
    name = _text("Name of the agency", "Enter the agency's name")
    type = SelectField("Type of agency", choices=AGENCY_TYPE_CHOICES,
                       validators=[DataRequired("Choose the type of agency")])

    def values(self) -> dict:
        return {"name": self.name.data, "type": self.type.data}


class ChangeAgencyForm(AgencyForm, VersionedForm):
    pass


class ProfessionalForm(FlaskForm):
    name = _text("Full name", "Enter the professional's full name", 100)
    job_title = _text("Job title", "Enter their job title", 100)
    agency_id = SelectField("Agency", choices=[], validate_choice=True)
    email = EmailField("Work email address", validators=[
        Optional(), Email("Enter an email address in the correct format, like "
                          "name@example.org", check_deliverability=False), Length(max=254)])
    phone = StringField("Work phone number", validators=[
        Optional(), Regexp(r"^\+?[0-9 ()-]{6,20}$", message="Enter a telephone number, like "
                                                            "01632 960 001 or 07700 900 982")])
    sensitive_role = BooleanField("Their role itself is sensitive (for example a domestic "
                                  "abuse adviser): shown only to those who need to know")

    def values(self) -> dict:
        """The professional's own fields (blank ones absent), not the agency they work for."""
        return {"name": self.name.data, "job_title": self.job_title.data,
                "email": self.email.data or None, "phone": self.phone.data or None,
                "sensitive_role": bool(self.sensitive_role.data)}


class ChangeProfessionalForm(ProfessionalForm, VersionedForm):
    pass


class AccountForm(FlaskForm):
    user_id = SelectField("Account", choices=[], validate_choice=True,
                          validators=[DataRequired("Choose the account")])


class LeavingForm(FlaskForm):
    left = DateInputField("Last working day", default=date.today, validators=[
        InputRequired("Enter their last working day"), not_future("Their last working day")])


def leaving_form(involvement_ids: list[str], choices: list[SelectChoice]) -> type[LeavingForm]:
    """One "who takes over" choice per ongoing involvement (field `successor_<id>`)."""
    fields = {f"successor_{involvement_id}": SelectField(
        "Who takes over", choices=choices, validate_choice=True,
        validators=[DataRequired("Choose who takes over, or “No successor”")])
        for involvement_id in involvement_ids}
    return type("LeavingFormFor", (LeavingForm,), fields)


def agency_select(blank: str | None = None) -> list[SelectChoice]:
    """The agencies as a form's choices (as they are now), after a blank one if given."""
    first = [SelectChoice("", blank)] if blank is not None else []
    return first + [SelectChoice(a["id"], a["name"]) for a in directory.agency_choices()]
