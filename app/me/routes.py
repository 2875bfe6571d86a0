from flask import render_template
from flask_login import current_user

from app.families import present
from app.me import bp
from app.permissions import roles_required
from app.team import repository as teams
from app.team.changes import ROLES
from app.team.forms import InvolvementForm


@bp.get("/me")
@roles_required("practitioner")
def my_children():
    """My children and families, and the team changes since my last visit (the in-app
    notifications). Opening the page marks them as seen."""
    involvements = teams.my_involvements(current_user.user_id)
    activity = teams.my_activity(current_user.user_id)
    teams.mark_activity_seen(current_user.user_id)
    return render_template("me/children.html", involvements=involvements, activity=activity,
                           unread=sum(1 for a in activity if a["unread"]), roles=ROLES,
                           present=present, involvement_form=InvolvementForm())
