from datetime import date
from itertools import groupby

from flask import abort, g, redirect, render_template, url_for
from flask_login import current_user

from app import access
from app.audit import repository as audit
from app.families import bp, present
from app.families import repository as families
from app.families.forms import BreakGlassForm
from app.permissions import family_access, roles_required


@bp.get("/<family_id>")
@family_access("view_family")
def family(family_id: str):
    record = families.family(family_id)
    involvements = access.visible_involvements(current_user, g.access, families.team(family_id))
    current = [i for i in involvements if i["ended"] is None]
    ended = [i for i in involvements if i["ended"] is not None]
    by_agency = [(agency, list(rows)) for agency, rows in
                 groupby(current, key=lambda i: i["agency_name"] or "No agency recorded")]
    names = {m["id"]: f"{m['given_name']} {m['family_name']}" for m in record["members"]}
    ties = [dict(t, source_name=names.get(t["source"]), target_name=names.get(t["target"]))
            for t in families.relationships(family_id)]
    return render_template(
        "families/family.html", family=record, team_by_agency=by_agency, ended=ended,
        plans=families.plans(family_id), ties=ties, today=date.today(),
        members=sorted(record["members"], key=lambda m: (m["kind"] != "child", m["given_name"])),
        present=present, break_glass=g.access.outcome == "break_glass",
    )


@bp.post("/<family_id>/break-glass")
@roles_required("practitioner")
def break_glass(family_id: str):
    """Open a family with no relationship to it, for a stated reason: time-limited, audited
    and listed for coordinators to review."""
    form = BreakGlassForm()
    if not form.validate_on_submit():
        g.denied_family_id = family_id
        g.break_glass_allowed = True
        return render_template("families/forbidden.html", form=form), 400
    reason = form.reason.data.strip()
    if families.grant_break_glass(current_user.user_id, family_id, reason) is None:
        abort(404)
    audit.record("break_glass", family_id, "break_glass", reason=reason)
    return redirect(url_for("families.family", family_id=family_id))
