from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from app.alerts import bp, outbox
from app.alerts.forms import AlertChoiceForm
from app.audit import repository as audit
from app.permissions import signed_in


@bp.route("/me/alerts", methods=["GET", "POST"])
@signed_in
def choose():
    """Each person chooses immediate emails, a daily digest, or none."""
    form = AlertChoiceForm()
    if form.validate_on_submit():
        outbox.set_delivery(current_user.user_id, form.delivery.data)
        audit.record("manage_user", current_user.user_id, "allowed",
                     reason=f"email alerts: {form.delivery.data}")
        flash("Your choice of emails is saved.", "success")
        return redirect(url_for("alerts.choose"))
    if not form.is_submitted():
        form.delivery.data = outbox.delivery_of(current_user.user_id)
    return render_template("alerts/choose.html", form=form,
                           sending=bool(current_app.config["SMTP_HOST"]),
                           digest_hour=current_app.config["ALERT_DIGEST_HOUR"]), \
        400 if form.errors else 200
