from flask import render_template

from app.extensions import get_db
from app.main import bp
from app.permissions import public


@bp.get("/")
@public
def index():
    # Touches the database so that an outage shows the 503 page here, not a half-page later.
    get_db().read("health/ping")
    return render_template("main/index.html")
