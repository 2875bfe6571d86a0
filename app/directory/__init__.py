"""The directory of agencies and professionals, kept by admins and coordinators: who works
where, their work contact details, which account is theirs, and their leaving."""

from flask import Blueprint

bp = Blueprint("directory", __name__, url_prefix="/directory")

from app.directory import routes  # noqa: E402,F401  (routes register on bp)
