from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length


def _collapse_spaces(value):
    """A reason is counted without its surrounding and repeated spaces: ten spaces and a
    letter are not a reason."""
    return " ".join(value.split()) if isinstance(value, str) else value


class BreakGlassForm(FlaskForm):
    reason = TextAreaField(
        "Why do you need to see this family now?", filters=[_collapse_spaces],
        validators=[DataRequired("Enter the reason you need access"),
                    Length(min=10, max=1000,
                           message="The reason must be between 10 and 1,000 characters long")])
