from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app import access
from app.alerts import outbox as alert_outbox
from app.audit import repository as audit
from app.auth import repository as auth_repo
from app.csv_export import csv_response
from app.domain import AGE_BANDS, AGENCY_TYPES, child_age_band
from app.gaps import bp
from app.gaps import repository as gaps_repo
from app.gaps import state as gap_state
from app.gaps.engine import SEVERITY_ORDER
from app.gaps.forms import ReviewForm
from app.gaps.rules import RULE_SPECS
from app.input_guard import bounded_int_arg, chosen_filters
from app.permissions import roles_required

# Gaps a page, as the list of children on plans: each row carries its follow-up form, and
# a page of 100 took about twice as long to build.
PAGE_SIZE = 50
def age_band(subject: dict | None, today: date) -> str | None:
    if subject is None:
        return None
    if subject["kind"] == "adult":
        return "adult"
    return child_age_band(None if subject["unborn"] else subject["dob"], today)


def _filters() -> dict:
    return chosen_filters({"rule": RULE_SPECS, "severity": SEVERITY_ORDER,
                           "agency_type": AGENCY_TYPES, "age_band": AGE_BANDS})


def _rows(gaps: list, with_reviews: bool) -> list[dict]:
    """Gaps with who they are about (name, age band) and their follow-up if asked for."""
    subjects = gaps_repo.subjects(sorted({g.subject_id for g in gaps if g.subject_id}))
    reviews = gaps_repo.reviews([g.key for g in gaps]) if with_reviews else {}
    today = date.today()
    return [{"gap": gap, "subject": subjects.get(gap.subject_id),
             "band": age_band(subjects.get(gap.subject_id), today),
             "review": reviews.get(gap.key)} for gap in gaps]


@bp.get("")
@roles_required("coordinator", "analyst")
def dashboard():
    """The gaps as last checked (the state the writes keep up to date): counts, a page of
    those to follow up, those followed up. Reads only: no rule runs here."""
    sees_sensitive = access.sees_sensitive_services(current_user)
    filters = _filters()
    page = bounded_int_arg("page", 1, 1, 1_000_000)
    to_follow = gap_state.listing(filters, sees_sensitive, reviewed=False,
                                  skip=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    reviewed = gap_state.listing(filters, sees_sensitive, reviewed=True, limit=PAGE_SIZE)
    counts = gap_state.counts(sees_sensitive)
    audit.record("view_gaps", None, "allowed")
    return render_template(
        "gaps/dashboard.html", counts=counts, specs=RULE_SPECS, filters=filters,
        open_rows=_rows(to_follow.gaps, False), open_total=to_follow.total,
        reviewed=_rows(reviewed.gaps, True), reviewed_total=reviewed.total, page=page,
        pages=max(1, -(-to_follow.total // PAGE_SIZE)),
        resolved=gaps_repo.recently_resolved(), agency_types=AGENCY_TYPES, age_bands=AGE_BANDS,
        review_form=ReviewForm(), total=sum(sum(c.values()) for c in counts.values()),
        checked_at=gap_state.last_area_check(),
        can_review="coordinator" in current_user.roles)


@bp.post("/review")
@roles_required("coordinator")
def review():
    """Acknowledge a gap (who acts, by when) or mark it not applicable (why)."""
    form = ReviewForm()
    if not form.validate_on_submit():
        for field, messages in form.errors.items():
            flash(f"{form[field].label.text}: {messages[0]}", "error")
        return redirect(url_for("gaps.dashboard"))
    gap = gap_state.by_key(form.key.data)
    family_id = request.form.get("family_id") or None
    if gap is None and family_id:
        # Found on the family's page (which runs the rules) before its state was kept.
        gap_state.check_families([family_id])
        gap = gap_state.by_key(form.key.data)
    if gap is None:
        abort(404)
    email = (form.assign_to.data or "").strip().lower()
    assignee = _active_account_id(email) if email else None
    if email and assignee is None:
        flash(f"{form.assign_to.label.text}: no one with this email address can sign in "
              "here", "error")
        return redirect(url_for("gaps.dashboard"))
    review_id = gaps_repo.record_review(
        gap, form.status.data, current_user.user_id,
        who_acts=(form.who_acts.data or "").strip() or email or None,
        by_date=form.by_date.data, note=(form.note.data or "").strip() or None,
        assigned_to=assignee)
    audit.record("change", gap.family_id, "allowed", reason=f"gap {form.status.data}: {gap.rule}")
    if assignee and assignee != current_user.user_id:
        alert_outbox.alert_one(assignee, review_id, "gap_assigned_you",
                               f"/families/{gap.family_id}" if gap.family_id else "/gaps")
    flash("The follow-up is recorded.", "success")
    return redirect(url_for("gaps.dashboard"))


def _active_account_id(email: str) -> str | None:
    account = auth_repo.user_by_email(email)
    return account["id"] if account and account["active"] else None


@bp.get("/export.csv")
@roles_required("coordinator", "analyst")
def export_csv():
    """The current list as CSV: ids, rule, severity and dates; names only when asked for."""
    with_names = request.args.get("names") == "1"
    filters, sees_sensitive = _filters(), access.sees_sensitive_services(current_user)
    gaps = gap_state.export(filters, sees_sensitive)
    names = {subject_id: subject["name"] for subject_id, subject in gaps_repo.subjects(
        sorted({g["subject_id"] for g in gaps if g["subject_id"]})).items()} \
        if with_names else {}
    audit.record("export", None, "allowed", reason="gaps csv" + (" with names" if with_names else ""))
    header = ["rule", "severity", "family_id", "subject_id", "since", "age_band", "follow_up"]
    today = date.today()

    def line(gap: dict) -> list:
        subject = {"kind": gap["subject_kind"], "unborn": gap["subject_unborn"],
                   "dob": gap["subject_dob"]} if gap["subject_kind"] else None
        cells = [gap["rule"], gap["severity"], gap["family_id"] or "", gap["subject_id"],
                 gap["since"].isoformat() if gap["since"] else "",
                 age_band(subject, today) or "", gap["review_status"] or ""]
        return cells + ([names.get(gap["subject_id"], "")] if with_names else [])

    return csv_response(header + (["name"] if with_names else []), map(line, gaps), "gaps.csv")
