from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectChoice, SelectField
from wtforms.validators import DataRequired, Email, Length

from app.domain import ROLES

ROLE_CHOICES = [SelectChoice(role, role.capitalize()) for role in ROLES]


class NewUserForm(FlaskForm):
    email = EmailField("Email address", validators=[
        DataRequired("Enter the email address"),
        Email("Enter an email address in the correct format, like name@example.org",
              check_deliverability=False),
        Length(max=254)])
    role = SelectField("Role", choices=ROLE_CHOICES)
    professional_id = SelectField("Professional", choices=[], validate_choice=True)
    password = PasswordField("Initial password", validators=[
        DataRequired("Enter an initial password"),
        Length(min=12, max=1024, message="The password must be at least 12 characters long")])


class RoleForm(FlaskForm):
    role = SelectField("Role", choices=ROLE_CHOICES)


class ActiveForm(FlaskForm):
    """No fields: carries the CSRF token for activate / deactivate."""
