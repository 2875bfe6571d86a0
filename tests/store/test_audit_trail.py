"""The audit trail in the app's store, on SQLite and PostgreSQL: the database itself refuses
changes, and the hash chain shows any change made around it."""

import threading

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DatabaseError

from app.audit import repository as audit
from app.store.tables import audit_events, audit_texts


def record(app, count: int, **fields) -> None:
    with app.app_context():
        for n in range(count):
            audit.record("view_family", f"fam-{n}", "allowed", user_id="u-1", **fields)


def verify(app):
    return app.test_cli_runner().invoke(args=["audit", "verify"])


def without_triggers(connection) -> None:
    """What a person with direct access to the database could do: switch the guard off."""
    if connection.dialect.name == "postgresql":
        for table in ("audit_events", "audit_texts"):
            connection.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
    else:
        for name in ("audit_events_no_update", "audit_events_no_delete",
                     "audit_texts_no_update", "audit_texts_no_delete"):
            connection.execute(text(f"DROP TRIGGER {name}"))


@pytest.mark.parametrize("change", [
    update(audit_events).values(reason="nothing to see"),
    delete(audit_events),
    update(audit_texts).values(text="another query"),
    delete(audit_texts),
])
def test_the_database_refuses_to_change_or_delete_the_trail(store_app, change):
    record(store_app, 3, text="MATCH (n) RETURN n")
    engine = store_app.extensions["store"].engine
    with pytest.raises(DatabaseError, match="append-only"), engine.begin() as connection:
        connection.execute(change)
    with engine.connect() as connection:
        assert len(connection.execute(select(audit_events)).all()) == 3


def test_verify_passes_on_an_intact_trail(store_app):
    record(store_app, 5)
    result = verify(store_app)
    assert result.exit_code == 0 and "intact" in result.output


def test_verify_names_a_changed_event(store_app):
    record(store_app, 5)
    with store_app.extensions["store"].engine.begin() as connection:
        without_triggers(connection)
        connection.execute(update(audit_events).where(audit_events.c.target_id == "fam-2")
                           .values(target_id="fam-9"))
    result = verify(store_app)
    assert result.exit_code == 1
    assert "event 3: its content was changed" in result.output


def test_verify_names_where_an_event_was_removed(store_app):
    record(store_app, 5)
    with store_app.extensions["store"].engine.begin() as connection:
        without_triggers(connection)
        connection.execute(delete(audit_events).where(audit_events.c.target_id == "fam-1"))
    result = verify(store_app)
    assert result.exit_code == 1
    assert "event 3: the event before it was changed or removed" in result.output


def test_verify_notices_a_changed_query_text(store_app):
    record(store_app, 1, text="MATCH (f:Family) RETURN f")
    with store_app.extensions["store"].engine.begin() as connection:
        without_triggers(connection)
        connection.execute(update(audit_texts).values(text="RETURN 1"))
    result = verify(store_app)
    assert result.exit_code == 1 and "its query text was changed or removed" in result.output


def test_events_appended_at_the_same_time_keep_one_chain(store_app):
    threads = [threading.Thread(target=record, args=(store_app, 20)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with store_app.extensions["store"].engine.connect() as connection:
        assert connection.execute(select(audit_events)).all().__len__() == 80
    assert verify(store_app).exit_code == 0


@pytest.mark.parametrize("filters", [
    {"user_id": "u-1"}, {"target_id": "fam-1"}, {"action": "export"}, {"outcome": "denied"},
])
def test_a_filtered_search_reads_its_page_from_an_index_in_order(store_app, filters):
    """A page of the newest events for a filter comes from an index that ends in the
    event's order: no scan of the whole trail, no sort (a million events in the benchmark)."""
    record(store_app, 3)
    with store_app.app_context():
        statement = audit.search_statement(**filters)
        store = store_app.extensions["store"]
        with store.reading() as connection:
            compiled = str(statement.compile(connection, compile_kwargs={"literal_binds": True}))
            if connection.dialect.name == "sqlite":
                plan = " ".join(row[-1] for row in
                                connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
                assert "USING INDEX" in plan and "TEMP B-TREE" not in plan, plan
            else:
                # A table of three rows is read whole whatever its indexes: ask for them.
                connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
                plan = " ".join(row[0] for row in
                                connection.exec_driver_sql(f"EXPLAIN {compiled}"))
                assert "Index Scan Backward" in plan and "Sort" not in plan, plan
        assert [e["target_id"] for e in audit.search(**filters)] == \
            (["fam-2", "fam-1", "fam-0"] if "user_id" in filters else
             ["fam-1"] if "target_id" in filters else [])
