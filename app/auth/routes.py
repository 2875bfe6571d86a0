import secrets
from urllib.parse import urlsplit

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from app.audit import repository as audit
from app.auth import bp, repository, single_sign_on, throttle
from app.auth.forms import SignInForm, SignOutForm
from app.auth.passwords import hash_password, verify_password
from app.auth.sessions import load_user, start_session
from app.permissions import public, signed_in

GENERIC_FAILURE = "Enter a correct email address and password"
LOCAL_SIGN_IN_OFF = "Passwords are switched off here: sign in with your organisation's account"
# Verified against when the email is unknown, so that a wrong email and a wrong password
# take the same time (no account enumeration by timing).
_DUMMY_HASH = hash_password(secrets.token_hex(16))


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never another host (open redirect)."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") \
                and not target.startswith("//"):
            return target
    return url_for("main.index")


def _lock_message(until) -> str:
    return (f"Too many failed sign-in attempts. Try again after {until:%H:%M} UTC, "
            "or ask an administrator to help.")


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = SignInForm()
    error, status = None, 200
    if request.method == "POST" and not current_app.config["LOCAL_SIGN_IN"]:
        audit.record("sign_in", None, "denied", reason="local_sign_in_off")
        return render_template("auth/login.html", form=form, error=LOCAL_SIGN_IN_OFF), 403
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        account_key = throttle.key("account", email)
        address_key = throttle.key("address", request.remote_addr or "unknown")
        attempt = throttle.take_attempt(account_key, address_key)
        if attempt.refused_until:
            audit.record("sign_in", None, "denied", reason="locked")
            return render_template("auth/login.html", form=form,
                                   error=_lock_message(attempt.refused_until)), 429
        account = repository.user_by_email(email)
        # The password is checked whatever the account's state (unknown, deactivated or
        # active), so that the time taken tells nothing about the account.
        password_ok = verify_password(account["password_hash"] if account else _DUMMY_HASH,
                                      form.password.data)
        if account and account["active"] and password_ok:
            throttle.succeeded(account_key, address_key)
            return _signed_in(account["id"], request.args.get("next"))
        audit.record("sign_in", None, "denied", reason="bad_credentials",
                     user_id=account["id"] if account else None)
        if attempt.locks_if_wrong:
            error, status = _lock_message(attempt.locks_if_wrong), 429
        else:
            error = GENERIC_FAILURE
    return render_template("auth/login.html", form=form, error=error), status


def _signed_in(user_id: str, next_path: str | None, reason: str | None = None):
    # A new session on every sign-in: nothing carried over from before (fixation).
    session.clear()
    login_user(load_user(start_session(user_id)))
    audit.record("sign_in", None, "allowed", user_id=user_id, reason=reason)
    return redirect(_safe_next(next_path))


@bp.get("/login/sso")
@public
def sso_start():
    """Off to the organisation's identity provider, which sends the person back to
    sso_callback."""
    if not single_sign_on.enabled():
        abort(404)
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    # Where to go after signing in: a path on this site, kept until the callback.
    session["sign_in_next"] = _safe_next(request.args.get("next"))
    try:
        return single_sign_on.redirect_to_provider()
    except single_sign_on.Refusal as refusal:
        return _refused(refusal)


@bp.get("/login/sso/callback")
@public
def sso_callback():
    if not single_sign_on.enabled():
        abort(404)
    try:
        email = single_sign_on.verified_email()
    except single_sign_on.Refusal as refusal:
        return _refused(refusal)
    account = repository.user_by_email(email)
    if account is None or not account["active"]:
        return _refused(single_sign_on.Refusal(
            "sso_no_account", f"There is no account in this service for {email}. Ask your "
            "administrator to set one up for you.", 403),
            user_id=account["id"] if account else None)
    return _signed_in(account["id"], session.pop("sign_in_next", None), reason="sso")


def _refused(refusal: single_sign_on.Refusal, user_id: str | None = None):
    audit.record("sign_in", None, "denied", reason=refusal.reason, user_id=user_id)
    session.pop("sign_in_next", None)
    return render_template("auth/sso_refused.html", message=refusal.message), refusal.status


@bp.post("/logout")
@signed_in
def logout():
    form = SignOutForm()
    if not form.validate_on_submit():
        return redirect(url_for("main.index"))
    audit.record("sign_out", None, "allowed")
    repository.delete_session(current_user.session_id)
    logout_user()
    session.clear()
    flash("You have signed out.", "info")
    return redirect(url_for("auth.login"))
