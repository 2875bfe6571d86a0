from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from app.audit import repository as audit
from app.auth import tokens
from app.domain import INVOLVEMENT_ROLES
from app.me import bp
from app.me.forms import TokenForm, TokenRevokeForm
from app.permissions import roles_required, signed_in
from app.team import repository as teams
from app.team.forms import InvolvementForm


@bp.get("/me")
@roles_required("practitioner")
def my_children():
    """My children and families, and the team changes since my last visit (the in-app
    notifications). Opening the page marks them as seen."""
    involvements = teams.my_involvements(current_user.professional_id)
    activity = teams.my_activity(current_user)
    teams.mark_activity_seen(current_user.user_id)
    return render_template("me/children.html", involvements=involvements, activity=activity,
                           unread=sum(1 for a in activity if a.unread), roles=INVOLVEMENT_ROLES,
                           involvement_form=InvolvementForm())


@bp.route("/me/tokens", methods=["GET", "POST"])
@signed_in
def api_tokens():
    """Personal API tokens for scripts: the new token is shown once, then only its name."""
    form = TokenForm()
    new_token = None
    if form.validate_on_submit():
        new_token = tokens.create(current_user.user_id, form.name.data.strip())
        audit.record("manage_user", current_user.user_id, "allowed", reason="api token created")
    return render_template("me/tokens.html", form=form, new_token=new_token,
                           tokens=tokens.for_user(current_user.user_id),
                           revoke_form=TokenRevokeForm()), 400 if form.errors else 200


@bp.post("/me/tokens/<token_id>/revoke")
@signed_in
def revoke_token(token_id: str):
    if not TokenRevokeForm().validate_on_submit():
        abort(400)
    if tokens.revoke(current_user.user_id, token_id):
        audit.record("manage_user", current_user.user_id, "allowed", reason="api token revoked")
        flash("The token is revoked.", "success")
    return redirect(url_for("me.api_tokens"))
