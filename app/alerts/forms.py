from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice
from wtforms.validators import InputRequired

from app.alerts.outbox import DELIVERIES


class AlertChoiceForm(FlaskForm):
    delivery = RadioField("Email me about changes to the teams I work in",
                          choices=[SelectChoice(value, text) for value, text in DELIVERIES.items()],
                          validators=[InputRequired("Choose how often to be emailed")])
