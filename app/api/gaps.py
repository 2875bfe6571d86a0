from flask import abort, jsonify, request
from flask_login import current_user

from app import access
from app.api import bp
from app.audit import repository as audit
from app.domain import AREA_ROLES
from app.gaps import repository as gaps_repo
from app.gaps import state as gap_state
from app.permissions import signed_in


@bp.get("/gaps")
@signed_in
def gaps():
    """?family=<id> for one family (anyone who may see it); without it, the whole area
    (coordinators and analysts). ?rule=<id> keeps one rule."""
    family_id = request.args.get("family") or None
    if family_id:
        decision = access.family_decision(current_user, family_id)
        if not decision.exists:
            abort(404)
        audit.record("view_gaps", family_id, decision.outcome)
        if not decision.allowed:
            abort(403)
        sees_sensitive = decision.sees_sensitive
    elif not current_user.roles & AREA_ROLES:
        audit.record("view_gaps", None, "denied")
        abort(403)
    else:
        audit.record("view_gaps", None, "allowed")
        sees_sensitive = access.sees_sensitive_services(current_user)
    rule = request.args.get("rule") or None
    if family_id:  # one family's rules run now (about 20 ms)
        found = [g for g in access.visible_gaps(gaps_repo.current(family_id=family_id),
                                                sees_sensitive) if rule in (None, g.rule)]
    else:  # the area's, as last checked (kept up to date by the writes, like the dashboard)
        found = gap_state.listing({"rule": rule}, sees_sensitive).gaps
    return jsonify(gaps=[gap_json(g) for g in found])


def gap_json(g) -> dict:
    return {
        "key": g.key, "rule": g.rule, "title": g.title, "severity": g.severity,
        "child_id": g.child_id, "person_id": g.person_id, "family_id": g.family_id,
        "since": g.since.isoformat() if g.since else None,
        "facts": {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in g.facts.items()},
    }
