from collections.abc import Container
from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app import access
from app.audit import repository as audit
from app.csv_export import csv_response
from app.domain import AGE_BANDS, AGENCY_TYPES, child_age_band
from app.gaps import bp
from app.gaps import repository as gaps_repo
from app.gaps.engine import SEVERITY_ORDER
from app.gaps.forms import ReviewForm
from app.gaps.rules import RULE_SPECS
from app.input_guard import bounded_int_arg
from app.permissions import roles_required

PAGE_SIZE = 100
def age_band(subject: dict | None, today: date) -> str | None:
    if subject is None:
        return None
    if subject["kind"] == "adult":
        return "adult"
    return child_age_band(None if subject["unborn"] else subject["dob"], today)


def _filters() -> dict:
    raw = {k: request.args.get(k) or None for k in ("rule", "severity", "agency_type", "age_band")}
    allowed: dict[str, Container[str]] = {
        "rule": RULE_SPECS, "severity": SEVERITY_ORDER, "agency_type": AGENCY_TYPES,
        "age_band": AGE_BANDS}
    return {k: v for k, v in raw.items() if v is not None and v in allowed[k]}


def _listing():
    """All current gaps (area-wide, tracked), with subjects, reviews and the filters applied."""
    found = gaps_repo.current()
    gaps_repo.track(found)  # tracked whole, shown only as far as the user may see
    found = access.visible_gaps(found, access.sees_sensitive_services(current_user))
    subjects = gaps_repo.subjects(sorted({g.subject_id for g in found if g.subject_id}))
    reviews = gaps_repo.reviews([g.key for g in found])
    today, filters = date.today(), _filters()
    rows = []
    for gap in found:
        subject = subjects.get(gap.subject_id)
        band = age_band(subject, today)
        if (filters.get("rule", gap.rule) != gap.rule
                or filters.get("severity", gap.severity) != gap.severity
                or filters.get("agency_type", gap.agency_type) != gap.agency_type
                or filters.get("age_band", band) != band):
            continue
        rows.append({"gap": gap, "subject": subject, "band": band, "review": reviews.get(gap.key)})
    return found, rows, filters


@bp.get("")
@roles_required("coordinator", "analyst")
def dashboard():
    found, rows, filters = _listing()
    audit.record("view_gaps", None, "allowed")
    counts: dict[str, dict[str, int]] = {}
    for gap in found:
        counts.setdefault(gap.rule, {"high": 0, "medium": 0, "low": 0})[gap.severity] += 1
    open_rows = [r for r in rows if r["review"] is None]
    reviewed = [r for r in rows if r["review"] is not None]
    page = bounded_int_arg("page", 1, 1, 1_000_000)
    return render_template(
        "gaps/dashboard.html", counts=counts, specs=RULE_SPECS, filters=filters,
        open_rows=open_rows[(page - 1) * PAGE_SIZE: page * PAGE_SIZE], open_total=len(open_rows),
        reviewed=reviewed, page=page, pages=max(1, -(-len(open_rows) // PAGE_SIZE)),
        resolved=gaps_repo.recently_resolved(), agency_types=AGENCY_TYPES, age_bands=AGE_BANDS,
        review_form=ReviewForm(), total=len(found),
        can_review="coordinator" in current_user.roles)


@bp.post("/review")
@roles_required("coordinator")
def review():
    """Acknowledge a gap (who acts, by when) or mark it not applicable (why)."""
    form = ReviewForm()
    family_id = request.form.get("family_id") or None
    if not form.validate_on_submit():
        for field, messages in form.errors.items():
            flash(f"{form[field].label.text}: {messages[0]}", "error")
        return redirect(url_for("gaps.dashboard"))
    gap = next((g for g in gaps_repo.current(family_id=family_id) if g.key == form.key.data), None)
    if gap is None:
        abort(404)
    gaps_repo.record_review(gap, form.status.data, current_user.user_id,
                            who_acts=(form.who_acts.data or "").strip() or None,
                            by_date=form.by_date.data, note=(form.note.data or "").strip() or None)
    audit.record("change", gap.family_id, "allowed", reason=f"gap {form.status.data}: {gap.rule}")
    flash("The follow-up is recorded.", "success")
    return redirect(url_for("gaps.dashboard"))


@bp.get("/export.csv")
@roles_required("coordinator", "analyst")
def export_csv():
    """The current list as CSV: ids, rule, severity and dates; names only when asked for."""
    with_names = request.args.get("names") == "1"
    _, rows, _ = _listing()
    audit.record("export", None, "allowed", reason="gaps csv" + (" with names" if with_names else ""))
    header = ["rule", "severity", "family_id", "subject_id", "since", "age_band", "follow_up"]

    def line(row):
        gap = row["gap"]
        cells = [gap.rule, gap.severity, gap.family_id or "", gap.subject_id,
                 gap.since.isoformat() if gap.since else "", row["band"] or "",
                 row["review"]["status"] if row["review"] else ""]
        return cells + ([row["subject"]["name"] if row["subject"] else ""] if with_names else [])

    return csv_response(header + (["name"] if with_names else []), map(line, rows), "gaps.csv")
