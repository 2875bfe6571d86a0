"""The forms that record and correct the family side of the graph. Each field's format is
checked here (and so the same way from a page or from the API); what depends on the graph
(who is a member, whether a date fits the record) is checked in the change's transaction."""

from __future__ import annotations

from datetime import date

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from app.domain import CP_CATEGORIES, PLAN_TYPES
from app.form_fields import DateInputField, NhsNumberField, PostcodeField
from app.records.changes import IDENTITY_FIELDS, NewHousehold, NewPerson

GENDERS = {"female": "Female", "male": "Male", "unknown": "Not known or not stated"}
FAMILY_ROLES = {"child": "Child", "parent": "Parent", "carer": "Carer", "partner": "Partner",
                "relative": "Other relative"}
ADULT_FAMILY_ROLES = {k: v for k, v in FAMILY_ROLES.items() if k != "child"}
PARENT_KINDS = {"birth": "Birth parent", "step": "Step-parent", "adoptive": "Adoptive parent",
                "foster": "Foster carer", "guardian": "Special guardian"}
PARTNER_STATUSES = {"current": "Current partners", "separated": "Separated",
                    "divorced": "Divorced"}
# A relationship is recorded from the person whose page it is: they are the parent, the
# child, or a partner of the other person.
RELATIONSHIP_TYPES = {"parent_of": "is a parent of", "child_of": "is a child of",
                      "partner_of": "is a partner of"}


def _choices(options: dict[str, str], blank: str | None = None) -> list[SelectChoice]:
    first = [SelectChoice("", blank)] if blank else []
    return first + [SelectChoice(k, v) for k, v in options.items()]


def not_future(what: str):
    def check(form, field) -> None:
        if field.data and field.data > date.today():
            raise ValidationError(f"{what} must be today or in the past")
    return check


def _name(label: str, message: str) -> StringField:
    return StringField(label, validators=[DataRequired(message), Length(max=100)],
                       filters=[lambda v: " ".join(v.split()) if v else v])


class VersionedForm(FlaskForm):
    """A form that changes a record states the version it was opened at: if the record
    changed since, the save is refused rather than overwriting someone else's change."""
    version = IntegerField(widget=HiddenField.widget,
                           validators=[InputRequired("The record's version is missing")])


class FamilyForm(FlaskForm):
    name = _name("Family name", "Enter the family's name (for example, the Hughes family)")


class RenameFamilyForm(FamilyForm, VersionedForm):
    pass


class IdentityForm(VersionedForm):
    given_name = _name("Given name", "Enter the given name")
    family_name = _name("Family name", "Enter the family name")
    dob = DateInputField("Date of birth", validators=[Optional(), not_future("The date of birth")])
    gender = SelectField("Gender", choices=_choices(GENDERS))
    nhs_number = NhsNumberField("NHS number (optional)", render_kw={"inputmode": "numeric"})

    def values(self) -> dict:
        return {name: self[name].data for name in IDENTITY_FIELDS}


class NewMemberForm(FlaskForm):
    """A person new to the graph, added to a family in one step."""
    kind = SelectField("Child or adult", choices=_choices({"child": "Child", "adult": "Adult"}))
    role = SelectField("Role in the family", choices=_choices(FAMILY_ROLES))
    given_name = _name("Given name", "Enter the given name")
    family_name = _name("Family name", "Enter the family name")
    dob = DateInputField("Date of birth", validators=[not_future("The date of birth")])
    unborn = BooleanField("This child is not born yet")
    expected_date = DateInputField("Expected date of birth (unborn child)")
    gender = SelectField("Gender", choices=_choices(GENDERS))
    nhs_number = NhsNumberField("NHS number (optional)", render_kw={"inputmode": "numeric"})
    lives_with = SelectField("Lives at", choices=[], default="", validate_choice=False)

    def person(self) -> NewPerson:
        return NewPerson(kind=self.kind.data, role=self.role.data,
                         given_name=self.given_name.data, family_name=self.family_name.data,
                         dob=self.dob.data, gender=self.gender.data,
                         nhs_number=self.nhs_number.data, unborn=self.unborn.data,
                         expected_date=self.expected_date.data,
                         lives_with=self.lives_with.data or None)

    def validate_role(self, field) -> None:
        if (field.data == "child") != (self.kind.data == "child"):
            raise ValidationError("A child's role in the family is child; an adult's is "
                                  "another role")

    def validate_dob(self, field) -> None:
        if self.unborn.data:
            if field.data:
                raise ValidationError("An unborn child has no date of birth yet: leave it "
                                      "blank, or untick “not born yet”")
        elif field.data is None:
            raise ValidationError("Enter the date of birth")

    def validate_expected_date(self, field) -> None:
        if self.unborn.data and field.data is None:
            raise ValidationError("Enter the expected date of birth")
        if not self.unborn.data and field.data:
            raise ValidationError("Only an unborn child has an expected date of birth")

    def validate_unborn(self, field) -> None:
        if field.data and self.kind.data != "child":
            raise ValidationError("Only a child can be unborn")


class ExistingMemberForm(FlaskForm):
    """Someone already in the graph (found by search), added to this family."""
    person_id = HiddenField(validators=[DataRequired("Choose a person from the search results")])
    role = SelectField("Role in the family", choices=_choices(FAMILY_ROLES))


class RemoveMemberForm(FlaskForm):
    left = DateInputField("Date they left the family", default=date.today, validators=[
        InputRequired("Enter the date they left the family"), not_future("The date")])


class BirthForm(FlaskForm):
    dob = DateInputField("Date of birth", validators=[
        InputRequired("Enter the date of birth"), not_future("The date of birth")])
    gender = SelectField("Gender", choices=_choices(GENDERS))


class DeceasedForm(FlaskForm):
    died = DateInputField("Date of death", validators=[
        InputRequired("Enter the date of death"), not_future("The date of death")])


class RelationshipForm(FlaskForm):
    type = SelectField("Relationship", choices=_choices(RELATIONSHIP_TYPES))
    other_id = SelectField("Other person", choices=[], validate_choice=False,
                           validators=[DataRequired("Choose the other person")])
    kind = SelectField("Kind of parent", default="",
                       choices=_choices(PARENT_KINDS, "Not a parent link"))
    status = SelectField("Partners' status", default="",
                         choices=_choices(PARTNER_STATUSES, "Not a partner link"))
    since = DateInputField("From (optional)", name_in_message="start date",
                           validators=[Optional(), not_future("The start date")])
    until = DateInputField("To (optional: when they separated)", name_in_message="end date",
                           validators=[Optional(), not_future("The end date")])

    def validate_kind(self, field) -> None:
        if self.type.data in ("parent_of", "child_of") and not field.data:
            raise ValidationError("Choose the kind of parent")

    def validate_status(self, field) -> None:
        if self.type.data == "partner_of" and not field.data:
            raise ValidationError("Choose the partners' status")

    def validate_until(self, field) -> None:
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError("The end date must be on or after the start date")


class MoveForm(FlaskForm):
    """Who moves, where to and when: to a household already known, or a new address."""
    person_ids = SelectMultipleField("Who moves", choices=[], validate_choice=False,
                                     validators=[DataRequired("Choose who moves")])
    household_id = SelectField("Where to", choices=[], default="", validate_choice=False)
    address = StringField("Address (a new household)", validators=[Length(max=200)],
                          filters=[lambda v: " ".join(v.split()) if v else v])
    postcode = PostcodeField("Postcode (a new household)")
    moved = DateInputField("Date of the move", default=date.today, validators=[
        InputRequired("Enter the date of the move"), not_future("The date of the move")])
    # Set by the "check your answers" page.
    confirmed = HiddenField()

    def validate_household_id(self, field) -> None:
        if not field.data and not self.address.data:
            raise ValidationError("Choose a household, or enter a new address")
        if field.data and self.address.data:
            raise ValidationError("Choose a household or enter a new address, not both")

    def validate_postcode(self, field) -> None:
        if self.address.data and not field.data:
            raise ValidationError("Enter the postcode of the new address")

    def destination(self) -> str | NewHousehold:
        """One of the family's households (its id), or the new address (once validated)."""
        return self.household_id.data or NewHousehold(self.address.data or "",
                                                      self.postcode.data or "")


class PlanForm(FlaskForm):
    type = SelectField("Type of plan", choices=_choices(PLAN_TYPES))
    category = SelectField("Category of abuse (child protection plans)", default="",
                           choices=_choices({c: c.capitalize() for c in CP_CATEGORIES},
                                            "Not a child protection plan"))
    start = DateInputField("Start date", validators=[
        InputRequired("Enter the start date"), not_future("The start date")])
    icpc_date = DateInputField("Initial conference (optional)", name_in_message="initial "
                               "conference date", validators=[Optional()])
    next_review = DateInputField("Next review (optional)", name_in_message="next review date",
                                 validators=[Optional()])
    end = DateInputField("End date (optional)", name_in_message="end date",
                         validators=[Optional(), not_future("The end date")])

    def validate_category(self, field) -> None:
        if self.type.data == "CP" and not field.data:
            raise ValidationError("Choose the category of abuse for a child protection plan")
        if self.type.data != "CP" and field.data:
            raise ValidationError("Only a child protection plan has a category of abuse")

    def validate_next_review(self, field) -> None:
        if field.data and self.start.data and field.data < self.start.data:
            raise ValidationError("The next review must be on or after the start date")

    def validate_end(self, field) -> None:
        if field.data and self.start.data and field.data < self.start.data:
            raise ValidationError("The end date must be on or after the start date")


class ChangePlanForm(PlanForm, VersionedForm):
    pass


def _reason(label: str) -> TextAreaField:
    return TextAreaField(label, validators=[
        DataRequired("Say why, for whoever reads the record later"), Length(max=500)],
        filters=[lambda v: v.strip() if v else v])


class MergeForm(FlaskForm):
    kept_id = SelectField("Which record to keep", choices=[], validate_choice=True)
    reason = _reason("Why they are one person")
    # Set by the "check your answers" page.
    confirmed = HiddenField()


class NotSameForm(FlaskForm):
    reason = _reason("Why they are two people")


class UndoMergeForm(FlaskForm):
    """No fields: carries the CSRF token."""
