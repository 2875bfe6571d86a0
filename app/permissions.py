"""Every route makes an explicit permission decision, through one of these decorators.

Each decorator marks the view with `permission`, and a test fails when any route lacks the
mark: a forgotten check is the likeliest data breach (GOV.UK Notify uses the same guard).
"""

from __future__ import annotations

from contextlib import nullcontext
from functools import wraps

from flask import abort, g, jsonify, redirect, request, url_for
from flask_login import current_user

from app import access
from app.audit import repository as audit
from app.auth.sessions import login_manager
from app.extensions import get_db


def _reads_of_a_page():
    """A page (a GET) reads in one transaction: the family page makes a dozen reads."""
    return get_db().reads_together() if request.method == "GET" else nullcontext()


def _mark(view, permission: str):
    """`permission` names the outermost decision; `permissions` every decision stacked on
    the view (functools.wraps carries the inner ones out), for the guard-rail tests."""
    view.permission = permission
    view.permissions = frozenset(getattr(view, "permissions", frozenset())) | {permission}
    return view


def public(view):
    """Open to everyone, signed in or not: no personal data behind it."""
    return _mark(view, "public")


def signed_in(view):
    """Any signed-in user, whatever their role."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        with _reads_of_a_page():
            return view(*args, **kwargs)
    return _mark(wrapper, "signed_in")


def roles_required(*roles: str):
    """Signed in with at least one of these roles; 403 (and an audited denial) otherwise."""
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not current_user.roles & set(roles):
                audit.record("open_page", None, "denied", reason=request.endpoint)
                abort(403)
            with _reads_of_a_page():
                return view(*args, **kwargs)
        return _mark(wrapper, "roles:" + ",".join(roles))
    return decorator


def token_required(view):
    """API writes take a personal API token, never the session cookie (no CSRF possible)."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        current_user.is_authenticated  # noqa: B018  (resolves the user, token or session)
        if not g.get("token_auth"):
            return jsonify(error="use a personal API token (Authorization: Bearer ...)"), 401
        return view(*args, **kwargs)
    return _mark(wrapper, getattr(view, "permission", "token"))


def _need_to_know(action: str, id_arg: str, decide, kind: str, reason: str | None = None):
    """The need-to-know rule for one record, with exactly one audit record per request."""
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            with _reads_of_a_page():
                return decided(*args, **kwargs)

        def decided(*args, **kwargs):
            target_id = kwargs[id_arg]
            decision = decide(current_user, target_id)
            if not decision.exists:
                abort(404)
            if decision.moved_to and decision.allowed:
                # A merged record: an old link leads to the record kept; a change is made there.
                if request.method != "GET":
                    abort(409)
                return redirect(url_for(str(request.endpoint),
                                        **{**kwargs, id_arg: decision.moved_to}))
            if action == "change" and not access.may_change(decision):
                decision = access.Decision(True, False, "denied", decision.sees_sensitive)
            # Opening the form of a change changes nothing: it is recorded as a view.
            recorded = "view_person" if action == "change" and request.method == "GET" else action
            if recorded == "change" and decision.allowed:
                # A change allowed is recorded once it has run, with what the view says it
                # changed (g.audit_reason: the kind of change and the field names).
                g.access = decision
                try:
                    return view(*args, **kwargs)
                finally:
                    audit.record("change", target_id, decision.outcome,
                                 reason=g.pop("audit_reason", reason))
            audit.record(recorded, target_id, decision.outcome, reason=reason)
            if not decision.allowed:
                if kind == "family":
                    g.denied_family_id = target_id
                    g.break_glass_allowed = access.may_break_glass(current_user)
                abort(403)
            g.access = decision
            return view(*args, **kwargs)
        return _mark(wrapper, f"{kind}:{action}")
    return decorator


def family_break_glass(view):
    """The decision for breaking the glass on a family: it is for a family the user may not
    otherwise see, so the rule is only that the family exists (404 otherwise) and that the
    user works with families; the view records the grant and its reason."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not access.may_break_glass(current_user):
            abort(403)
        if not access.family_decision(current_user, kwargs["family_id"]).exists:
            abort(404)
        return view(*args, **kwargs)
    return _mark(wrapper, "family:break_glass")


def family_access(action: str, id_arg: str = "family_id", reason: str | None = None):
    return _need_to_know(action, id_arg, access.family_decision, "family", reason)


def child_access(action: str, id_arg: str = "child_id", reason: str | None = None):
    """A child is seen through their families (see access.child_decision)."""
    return _need_to_know(action, id_arg, access.child_decision, "child", reason)


def person_access(action: str, id_arg: str = "person_id", reason: str | None = None):
    """A child or an adult is seen through their families (see access.person_decision)."""
    return _need_to_know(action, id_arg, access.person_decision, "person", reason)


def directory_record(view):
    """The directory's decision for a professional's record: it holds work contact details,
    not family data, and those who keep the directory (roles_required on the view) keep
    every professional's."""
    return _mark(view, "professional:manage")
