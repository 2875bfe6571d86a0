"""The audit search's filters each answered from an index ending in the event's order.

Each filter (user, target, action, outcome) has an index on (filter, seq): a page of the
newest events for a filter is read from the index's end, with no sort and no scan of the
trail. (SQLite's index on one column already ends in the rowid, which seq is; PostgreSQL's
does not, and a rare action or outcome had no index at all.)

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FILTERS = ("user_id", "target_id", "action", "outcome")


def upgrade() -> None:
    op.drop_index("ix_audit_events_user_id", table_name="audit_events")
    op.drop_index("ix_audit_events_target_id", table_name="audit_events")
    for column in FILTERS:
        op.create_index(f"audit_events_{column}_seq", "audit_events", [column, "seq"])


def downgrade() -> None:
    for column in FILTERS:
        op.drop_index(f"audit_events_{column}_seq", table_name="audit_events")
    op.create_index("ix_audit_events_user_id", "audit_events", ["user_id"])
    op.create_index("ix_audit_events_target_id", "audit_events", ["target_id"])
