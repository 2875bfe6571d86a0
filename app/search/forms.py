from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length, Optional

from app.form_fields import IsoDateField


class SearchForm(FlaskForm):
    name = StringField("Name", validators=[
        DataRequired("Enter a name to search for"), Length(max=200)])
    dob = IsoDateField("Date of birth (optional)", validators=[Optional()])
