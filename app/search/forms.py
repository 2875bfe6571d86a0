from flask_wtf import FlaskForm
from wtforms import DateField, StringField
from wtforms.validators import DataRequired, Length, Optional


class SearchForm(FlaskForm):
    name = StringField("Name", validators=[
        DataRequired("Enter a name to search for"), Length(max=200)])
    dob = DateField("Date of birth (optional)", validators=[Optional()],
                    format="%Y-%m-%d")
