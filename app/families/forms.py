from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length


class BreakGlassForm(FlaskForm):
    reason = TextAreaField("Why do you need to see this family now?", validators=[
        DataRequired("Enter the reason you need access"),
        Length(min=10, max=1000,
               message="The reason must be between 10 and 1,000 characters long"),
    ])
