from flask import abort, flash, redirect, render_template, url_for
from wtforms import SelectChoice

from app.admin import bp
from app.admin import repository as users
from app.admin.forms import ActiveForm, NewUserForm, RoleForm
from app.audit import repository as audit
from app.auth import tokens
from app.db import ConflictError
from app.permissions import roles_required


@bp.get("/users")
@roles_required("admin")
def user_list():
    return render_template("admin/users.html", users=users.list_users(),
                           role_form=RoleForm(), active_form=ActiveForm())


@bp.route("/users/new", methods=["GET", "POST"])
@roles_required("admin")
def new_user():
    form = NewUserForm()
    form.professional_id.choices = [SelectChoice("", "No professional (an admin account)")] + [
        SelectChoice(p["id"], f"{p['name']} – {p['agency_name'] or 'no agency'}")
        for p in users.professionals_without_account()]
    if form.validate_on_submit():
        try:
            user_id = users.create_user(form.email.data, form.password.data, form.role.data,
                                        form.professional_id.data or None)
        except ConflictError:
            form.email.errors.append("An account with this email address already exists")
        else:
            audit.record("manage_user", user_id, "allowed", reason="created")
            flash("Account created.", "success")
            return redirect(url_for("admin.user_list"))
    return render_template("admin/new_user.html", form=form), 400 if form.errors else 200


@bp.post("/users/<user_id>/role")
@roles_required("admin")
def change_role(user_id: str):
    form = RoleForm()
    if not form.validate_on_submit():
        abort(400)
    if not users.set_role(user_id, form.role.data):
        abort(404)
    audit.record("manage_user", user_id, "allowed", reason=f"role:{form.role.data}")
    flash("Role changed.", "success")
    return redirect(url_for("admin.user_list"))


@bp.post("/users/<user_id>/<any(activate, deactivate):change>")
@roles_required("admin")
def change_active(user_id: str, change: str):
    if not ActiveForm().validate_on_submit():
        abort(400)
    if not users.set_active(user_id, change == "activate"):
        abort(404)
    audit.record("manage_user", user_id, "allowed", reason=change + "d")
    flash(f"Account {change}d.", "success")
    return redirect(url_for("admin.user_list"))


@bp.post("/users/<user_id>/revoke-tokens")
@roles_required("admin")
def revoke_tokens(user_id: str):
    if not ActiveForm().validate_on_submit():
        abort(400)
    revoked = tokens.revoke(user_id)
    audit.record("manage_user", user_id, "allowed", reason="api tokens revoked")
    flash(f"{revoked} API token{'' if revoked == 1 else 's'} revoked.", "success")
    return redirect(url_for("admin.user_list"))
