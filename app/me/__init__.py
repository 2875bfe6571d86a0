"""My children: what the signed-in practitioner works on, and what changed."""

from flask import Blueprint

bp = Blueprint("me", __name__)

from app.me import routes  # noqa: E402,F401  (routes register on bp)
