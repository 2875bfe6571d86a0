"""Access to the per-process objects the factory creates."""

from flask import current_app

from app.db import Database


def get_db() -> Database:
    return current_app.extensions["neo4j"]
