"""Every route makes an explicit permission decision, through one of these decorators.

Each decorator marks the view with `permission`, and a test fails when any route lacks the
mark: a forgotten check is the likeliest data breach (GOV.UK Notify uses the same guard).
"""

from __future__ import annotations

from functools import wraps

from flask import abort, g, request
from flask_login import current_user

from app import access
from app.audit import repository as audit
from app.auth.sessions import login_manager


def _mark(view, permission: str):
    view.permission = permission
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
            return view(*args, **kwargs)
        return _mark(wrapper, "roles:" + ",".join(roles))
    return decorator


def family_access(action: str, id_arg: str = "family_id"):
    """The need-to-know rule for one family, with exactly one audit record per request."""
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            family_id = kwargs[id_arg]
            decision = access.family_decision(current_user, family_id)
            if not decision.exists:
                abort(404)
            audit.record(action, family_id, decision.outcome)
            if not decision.allowed:
                g.denied_family_id = family_id
                g.break_glass_allowed = access.may_break_glass(current_user)
                abort(403)
            g.access = decision
            return view(*args, **kwargs)
        return _mark(wrapper, f"family:{action}")
    return decorator
