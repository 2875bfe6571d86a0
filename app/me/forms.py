from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length


class TokenForm(FlaskForm):
    name = StringField("What the token is for", validators=[
        DataRequired("Enter what the token is for"), Length(max=100)])


class TokenRevokeForm(FlaskForm):
    """No fields: carries the CSRF token."""
