from datetime import date

from flask import render_template
from flask_login import current_user

from app import access
from app.audit import repository as audit
from app.domain import PLAN_TYPES
from app.extensions import get_db
from app.main import bp
from app.permissions import public
from app.plans import repository as plans

# How many children due for review, and families with gaps, the coordinator's home lists.
HOME_ROWS = 20


@bp.get("/")
@public
def index():
    # Touches the database so that an outage shows the 503 page here, not a half-page later.
    get_db().read("health/ping")
    if not (current_user.is_authenticated and "coordinator" in current_user.roles):
        return render_template("main/index.html")
    today = date.today()
    # In one transaction, as the pages behind a role's check read (the home is open to all).
    with get_db().reads_together():
        due = plans.children_on_plans(today, due="4w", limit=HOME_ROWS)
        families = plans.families_by_gaps(access.sees_sensitive_services(current_user),
                                          HOME_ROWS)
    audit.record("open_page", None, "allowed", reason="home: reviews due and gaps")
    return render_template("main/index.html", due=due, families=families, today=today,
                           plan_types=PLAN_TYPES)
