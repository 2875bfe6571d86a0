
from flask import render_template
from flask_login import current_user

from app import access
from app.audit import repository as audit
from app.domain import FAMILY_ROLES
from app.extensions import get_db
from app.permissions import roles_required
from app.search import bp
from app.search import repository as search
from app.search.forms import SearchForm


@bp.route("/search", methods=["GET", "POST"])
@roles_required(*FAMILY_ROLES)
def people():
    """POST, so that names never sit in a URL, a browser history or a log."""
    form = SearchForm()
    with get_db().reads_together():
        results = search.people_for(form)
        if results is not None:
            family_ids = sorted({f.id for r in results for f in r.families})
            visible = access.visible_family_ids(current_user, family_ids)
            results = [r.with_visible_families(visible) for r in results]
            # The audit records that a search happened, not what was typed (a name).
            audit.record("search", None, "allowed")
    return render_template("search/people.html", form=form, results=results)
