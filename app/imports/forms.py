from datetime import date

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length, Regexp, ValidationError

from app.form_fields import IsoDateField

KIND_CHOICES = [
    SelectChoice("annex-a", "Ofsted Annex A (an .xlsx workbook)"),
    SelectChoice("ssd", "Standard Safeguarding Dataset (a .zip of its CSV files)"),
    SelectChoice("agency-list", "A partner agency's list (.csv or .xlsx)"),
]


class UploadForm(FlaskForm):
    kind = SelectField("What the file is", choices=KIND_CHOICES)
    file = FileField("File", validators=[FileRequired("Choose the file to import")])
    la_code = StringField("Area code", validators=[
        DataRequired("Enter the area's code, as in E09000002"), Length(max=20),
        Regexp(r"^[A-Za-z0-9]+$", message="The area code has letters and digits only")])
    as_of = IsoDateField("The date the file describes", default=date.today,
                         validators=[DataRequired("Enter the date the file describes")])
    agency_id = SelectField("Agency (for an agency's list)", choices=[], validate_choice=False)

    def validate_agency_id(self, field) -> None:
        if self.kind.data == "agency-list" and not field.data:
            raise ValidationError("Choose the agency whose list this is")

    def validate_as_of(self, field) -> None:
        if field.data and field.data > date.today():
            raise ValidationError("The date the file describes must be today or in the past")


class ConfirmForm(FlaskForm):
    pending_id = HiddenField(validators=[DataRequired()])
