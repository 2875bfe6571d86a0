from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, RadioField, SelectChoice, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from app.form_fields import IsoDateField


class ReviewForm(FlaskForm):
    key = HiddenField(validators=[DataRequired()])
    status = RadioField("Follow-up", choices=[
        SelectChoice("acknowledged", "Acknowledged: someone will act"),
        SelectChoice("not_applicable", "Not applicable")],
                        validators=[DataRequired("Choose acknowledged or not applicable")])
    who_acts = StringField("Who will act", validators=[Optional(), Length(max=200)])
    # A colleague with an account here, by the email they sign in with: they are emailed.
    assign_to = EmailField("Give it to (their email address here)",
                           validators=[Optional(), Length(max=254)])
    by_date = IsoDateField("By when (YYYY-MM-DD)", "'by when' date", validators=[Optional()])
    note = TextAreaField("Note or reason", validators=[Optional(), Length(max=1000)])

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if self.status.data == "acknowledged" and not (self.who_acts.data or "").strip() \
                and not (self.assign_to.data or "").strip():
            self.who_acts.errors.append("Say who will act")
            return False
        if self.status.data == "not_applicable" and not (self.note.data or "").strip():
            self.note.errors.append("Give the reason it does not apply")
            return False
        return True
