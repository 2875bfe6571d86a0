"""An installation of the first version kept accounts and the audit trail in the graph:
`flask setup` moves them to the app's store, keeping what people use, once."""

import hashlib
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.auth.passwords import hash_password
from app.store.tables import audit_events, break_glass_grants, saved_queries
from tests.support.graph import make_family, make_professional
from tests.support.web import sign_in

TOKEN = "sgm_an-old-token-made-by-the-first-version"


def old_records(driver) -> None:
    """Records as the first version wrote them (its seeded accounts had no created_at)."""
    make_family(driver, "fam-1", "Test family")
    make_professional(driver, "pro-1", name="Pro One")
    now = datetime.now(UTC)
    driver.execute_query(
        """
        MATCH (p:Professional {id: 'pro-1'}), (f:Family {id: 'fam-1'})
        CREATE (u:User {id: 'u-1', email: 'old@test.example', password_hash: $hash,
                        role: 'practitioner', active: true})-[:IS]->(p)
        CREATE (:UserSession {id: 'old-session', user_id: 'u-1', created_at: $now,
                              last_seen_at: $now})-[:FOR]->(u)
        CREATE (:ApiToken {id: 't-1', user_id: 'u-1', token_hash: $token_hash, name: 'script',
                           created_at: $now})-[:FOR]->(u)
        CREATE (u)-[:BREAK_GLASS {id: 'g-1', reason: 'An urgent call from the police',
                                  at: $now, expires_at: $later}]->(f)
        CREATE (:SavedQuery {id: 'q-1', user_id: 'u-1', title: 'Families', params: '{}',
                             text: 'MATCH (f:Family) RETURN f', created_at: $now})
        CREATE (:SignInThrottle {key: 'k', failures: 3, window_start: $now})
        CREATE (:AuditEvent {id: 'e-1', at: $earlier, action: 'sign_in', user_id: 'u-1',
                             outcome: 'allowed'})
        CREATE (:AuditEvent {id: 'e-2', at: $now, action: 'view_family', user_id: 'u-1',
                             target_id: 'fam-1', outcome: 'allowed'})
        """,
        hash=hash_password("an old password here"), now=now, later=now + timedelta(hours=4),
        earlier=now - timedelta(days=1), token_hash=hashlib.sha256(TOKEN.encode()).hexdigest())


def test_setup_moves_the_old_records_out_of_the_graph_once(store_app, driver):
    old_records(driver)
    first = store_app.test_cli_runner().invoke(args=["setup", "--no-demo"])
    assert first.exit_code == 0, first.output
    assert "Moved from the graph to the app's store" in first.output
    left = driver.execute_query(
        "MATCH (n) WHERE n:User OR n:UserSession OR n:ApiToken OR n:AuditEvent "
        "OR n:SavedQuery OR n:SignInThrottle RETURN count(n) AS n").records[0]["n"]
    assert left == 0

    # What people use still works: the password, the token, the grant, the saved query.
    assert sign_in(store_app.test_client(), {"email": "old@test.example",
                                             "password": "an old password here"}).status_code == 302
    api = store_app.test_client().get("/api/v1/families/fam-1/network",
                                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert api.status_code == 200
    with store_app.extensions["store"].engine.connect() as connection:
        assert connection.execute(select(break_glass_grants.c.reason)).scalars().all() == \
            ["An urgent call from the police"]
        assert connection.execute(select(saved_queries.c.title)).scalars().all() == ["Families"]
        moved = connection.execute(select(audit_events.c.id).order_by(audit_events.c.seq)
                                   ).scalars().all()
    assert moved[:2] == ["e-1", "e-2"]
    assert store_app.test_cli_runner().invoke(args=["audit", "verify"]).exit_code == 0

    again = store_app.test_cli_runner().invoke(args=["setup", "--no-demo"])
    assert again.exit_code == 0 and "Moved" not in again.output
