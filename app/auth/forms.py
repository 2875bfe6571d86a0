from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length


class SignInForm(FlaskForm):
    email = EmailField("Email address", validators=[
        DataRequired("Enter your email address"), Length(max=254)])
    password = PasswordField("Password", validators=[
        DataRequired("Enter your password"), Length(max=1024)])


class SignOutForm(FlaskForm):
    """No fields: it carries the CSRF token for the sign-out POST."""
