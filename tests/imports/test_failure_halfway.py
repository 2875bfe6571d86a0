"""The database goes away halfway through an import: the command says how far it got, and
running it again gives the same graph as one clean run."""

from __future__ import annotations

import time

from app.imports import apply
from tests.imports import files
from tests.imports.files import row

AS_OF = "2026-11-01"


def children_rows(n):
    return [row(7, **{"Child Unique ID": f"C{i}", "Gender": "b) Female", "Date of Birth": "2015-01-02",
                      "Child Protection Plan Start Date": "2026-06-01", "Allocated Team": "T",
                      "Allocated Worker": f"Worker {i % 3}"}) for i in range(n)]


def state(driver):
    """Everything but the import records, which import last wrote what, and the gaps as last
    checked (when each was first seen differs between runs)."""
    nodes = driver.execute_query(
        "MATCH (n) WHERE NOT n:Import AND NOT n:ImportLock AND NOT n:GapState AND NOT n:GapRun "
        "WITH n, [k IN keys(n) WHERE k <> 'import_id' | "
        "[k, toString(n[k])]] AS props RETURN labels(n) AS labels, props").records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) WITH a, r, b, [k IN keys(r) WHERE k <> 'import_id' | "
        "[k, toString(r[k])]] AS props RETURN a.id AS a, type(r) AS t, b.id AS b, props").records
    return (sorted(str((sorted(r["labels"]), sorted(r["props"]))) for r in nodes),
            sorted(str((r["a"], r["t"], r["b"], sorted(r["props"]))) for r in rels))


def run(app, path):
    return app.test_cli_runner().invoke(args=["import", "annex-a", str(path), "--la-code", "E1",
                                              "--as-of", AS_OF])


def test_an_import_cut_halfway_is_finished_by_running_it_again(proxied_app, driver, tmp_path,
                                                              monkeypatch):
    app, proxy = proxied_app
    path = files.annex_a(tmp_path / "a.xlsx", {7: children_rows(8)})
    db = app.extensions["neo4j"]
    monkeypatch.setattr(apply, "CHUNK", 2)
    real_write, writes = db.write_transaction, []

    def write_then_cut(work):
        result = real_write(work)
        writes.append(work)
        if len(writes) == 3:
            proxy.cut()
        return result

    monkeypatch.setattr(db, "write_transaction", write_then_cut)
    stopped = run(app, path)
    assert stopped.exit_code == 1
    assert "The database went away after" in stopped.output and "run the same command again" in stopped.output
    assert "Traceback" not in stopped.output
    half = driver.execute_query("MATCH (c:Child) RETURN count(c) AS n").records[0]["n"]
    assert 0 < half < 8

    proxy.restore()
    monkeypatch.setattr(db, "write_transaction", real_write)
    deadline = time.monotonic() + 10
    while True:
        finished = run(app, path)
        if finished.exit_code == 0 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert finished.exit_code == 0, finished.output
    after_two_runs = state(driver)

    driver.execute_query("MATCH (n) DETACH DELETE n")
    assert run(app, path).exit_code == 0
    assert state(driver) == after_two_runs


def test_two_imports_at_once_write_one_after_the_other(app, driver, tmp_path):
    """While one import's write holds the lock, another waits: a MERGE then always sees
    what the first wrote, so nothing is created twice."""
    import threading

    path = files.annex_a(tmp_path / "a.xlsx", {7: children_rows(3)})
    with driver.session() as session:
        holder = session.begin_transaction()
        holder.run("MERGE (lock:ImportLock {id: 'imports'}) SET lock.taken_at = datetime()")
        outcome = {}
        waiting = threading.Thread(target=lambda: outcome.update(result=run(app, path)))
        waiting.start()
        waiting.join(timeout=2)
        assert waiting.is_alive()  # blocked behind the lock
        assert driver.execute_query("MATCH (c:Child) RETURN count(c) AS n").records[0]["n"] == 0
        holder.commit()
    waiting.join(timeout=30)
    assert outcome["result"].exit_code == 0, outcome["result"].output
    assert driver.execute_query("MATCH (c:Child) RETURN count(c) AS n").records[0]["n"] == 3
