"""Email alerts of team changes, through a real SMTP server on 127.0.0.1: who is told, what
the email says (no names), immediate or a daily digest, and a mail server that is down."""

from __future__ import annotations

import ipaddress
import ssl
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from app.admin import repository as accounts
from app.alerts import worker
from app.store.tables import alert_outbox
from tests.conftest import make_app
from tests.support.demo import load_demo
from tests.support.graph import add_adult, involve
from tests.support.smtp_server import SmtpServer
from tests.support.team import child_team
from tests.support.web import make_user, post_form, sign_in

CHILD = "/children/fam-1-child"
SERVICE_URL = "https://network-map.example.gov.uk"
NAMES = ("Amy", "Test family", "Pro SW", "Pro GP", "Pro HV", "Pro SCHOOL", "Sam")


@pytest.fixture(scope="module")
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


def _alert_app(neo4j_server, store_url, port: int, **settings):
    return make_app(neo4j_server, store_url, SMTP_HOST="127.0.0.1", SMTP_PORT=port,
                    SMTP_TLS="none", SERVICE_URL=SERVICE_URL, ALERT_FROM="alerts@example.gov.uk",
                    **settings)


@pytest.fixture(scope="module")
def alert_app(app, neo4j_server, store_url, smtp):
    application = _alert_app(neo4j_server, store_url, smtp.port)
    yield application
    application.extensions["neo4j"].close()


@pytest.fixture(autouse=True)
def empty_inbox(smtp):
    smtp.messages.clear()


def _team(application, driver) -> dict:
    """Amy's team (tests.support.team), and her mother, whose health visitor is not in it."""
    people = child_team(application, driver)
    add_adult(driver, "fam-1", "fam-1-mother", given_name="Sam")
    involve(driver, "pro-hv", "fam-1-mother", role="health_visitor")
    return people


@pytest.fixture
def team(alert_app, driver):
    return _team(alert_app, driver)


def _as(application, user):
    client = application.test_client()
    sign_in(client, user)
    return client


def _work(application, now: datetime | None = None) -> dict:
    with application.app_context():
        return worker.run_once(now)


def _text(message) -> str:
    return message["Subject"] + "\n" + message.get_content()


def _add_school(application, team, lead: bool = False):
    data = {"professional_id": "pro-school", "role": "designated_safeguarding_lead",
            "since": date.today().isoformat()}
    if lead:
        data.update(lead="y", confirm_lead="y")
    response = post_form(_as(application, team["sw"]), CHILD, f"{CHILD}/colleagues", data)
    assert response.status_code == 302


def test_a_team_change_emails_each_person_told_once_and_not_the_one_who_made_it(
        alert_app, team, smtp):
    _add_school(alert_app, team)
    assert smtp.messages == []  # the request sent nothing: the worker does
    assert _work(alert_app)["sent"] == 2
    [added] = smtp.to(team["school"]["email"])
    [teammate] = smtp.to(team["gp"]["email"])
    assert "You were added to a child's team." in _text(added)
    assert "Someone joined the team of a child you work with." in _text(teammate)
    assert smtp.to(team["sw"]["email"]) == []  # made the change
    assert smtp.to(team["hv"]["email"]) == [] and smtp.to(team["outsider"]["email"]) == []
    assert _work(alert_app) == {"queued": 0, "sent": 0, "digests": 0}
    assert len(smtp.messages) == 2


def test_an_email_names_nobody_and_links_to_the_childs_page(alert_app, team, smtp):
    _add_school(alert_app, team, lead=True)
    _work(alert_app)
    assert len(smtp.messages) == 2  # added as lead: one change, one email each
    for message in smtp.messages:
        text = _text(message)
        assert f"{SERVICE_URL}/children/fam-1-child" in text
        assert message["From"] == "alerts@example.gov.uk"
        for name in NAMES:
            assert name not in text
    assert "You were made the lead practitioner" in _text(smtp.to(team["school"]["email"])[0])
    assert "The lead practitioner changed" in _text(smtp.to(team["gp"]["email"])[0])


def test_the_successor_of_a_handover_is_told_they_were_named(alert_app, team, smtp, driver):
    involvement = driver.execute_query(
        "MATCH (:Professional {id: 'pro-sw'})-[i:INVOLVED_WITH]->() RETURN i.id AS id"
    ).records[0]["id"]
    data = {"involvement_id": involvement, "ended": date.today().isoformat(),
            "reason": "moved_team", "successor_id": "pro-hv", "confirmed": "yes"}
    assert post_form(_as(alert_app, team["sw"]), CHILD, f"{CHILD}/end", data).status_code == 302
    _work(alert_app)
    [successor] = smtp.to(team["hv"]["email"])
    assert "You were named as the successor" in _text(successor)
    [teammate] = smtp.to(team["gp"]["email"])
    assert "handed over" in _text(teammate)
    assert smtp.to(team["sw"]["email"]) == []


def test_concerns_reaching_the_threshold_tell_the_team_to_meet(alert_app, team, smtp, driver):
    involve(driver, "pro-hv", "fam-1-child", role="health_visitor")
    for key in ("sw", "gp"):
        post_form(_as(alert_app, team[key]), CHILD, f"{CHILD}/concern/raise", {})
    _work(alert_app)
    assert [_text(m).count("A concern was raised") for m in smtp.to(team["hv"]["email"])] == [1, 1]
    smtp.messages.clear()
    post_form(_as(alert_app, team["hv"]), CHILD, f"{CHILD}/concern/raise", {})
    _work(alert_app)
    for key in ("sw", "gp"):
        [message] = smtp.to(team[key]["email"])
        assert "the team should meet" in _text(message)
    assert smtp.to(team["hv"]["email"]) == []


def test_an_account_deactivated_before_the_email_goes_gets_none(alert_app, team, smtp):
    _add_school(alert_app, team)
    with alert_app.app_context():
        worker.collect()  # queued for the school and the GP ...
        accounts.set_active(team["gp"]["id"], False)  # ... then the GP leaves
    assert _work(alert_app)["sent"] == 1
    assert smtp.to(team["gp"]["email"]) == [] and len(smtp.to(team["school"]["email"])) == 1


def _choose(application, user, delivery: str):
    client = _as(application, user)
    response = post_form(client, "/me/alerts", "/me/alerts", {"delivery": delivery})
    assert response.status_code == 302
    return client


def test_a_person_who_chose_none_gets_no_email(alert_app, team, smtp):
    _choose(alert_app, team["gp"], "none")
    _add_school(alert_app, team)
    _work(alert_app)
    assert smtp.to(team["gp"]["email"]) == [] and len(smtp.to(team["school"]["email"])) == 1


def test_the_digest_sends_one_email_a_day_holding_every_change(alert_app, team, smtp, driver):
    _choose(alert_app, team["gp"], "digest")
    _add_school(alert_app, team)
    post_form(_as(alert_app, team["sw"]), CHILD, f"{CHILD}/concern/raise", {})
    today = datetime.now(UTC).replace(hour=6, minute=0)
    assert _work(alert_app, today)["digests"] == 0  # before the digest hour (7 UTC)
    assert smtp.to(team["gp"]["email"]) == []
    assert _work(alert_app, today.replace(hour=7))["digests"] == 1
    assert _work(alert_app, today.replace(hour=18))["digests"] == 0
    [digest] = smtp.to(team["gp"]["email"])
    text = _text(digest)
    assert "2 changes" in digest["Subject"]
    assert "Someone joined" in text and "A concern was raised" in text
    assert text.count(f"{SERVICE_URL}/children/fam-1-child") == 2
    for name in NAMES:
        assert name not in text

    # The next day: a digest only when something new waits, and then just one.
    tomorrow = today + timedelta(days=1)
    assert _work(alert_app, tomorrow.replace(hour=8))["digests"] == 0
    post_form(_as(alert_app, team["sw"]), CHILD, f"{CHILD}/concern/withdraw", {})
    involve(driver, "pro-hv", "fam-1-child", role="health_visitor")
    post_form(_as(alert_app, team["hv"]), CHILD, f"{CHILD}/concern/raise", {})
    assert _work(alert_app, tomorrow.replace(hour=9))["digests"] == 1
    assert _work(alert_app, tomorrow.replace(hour=10))["digests"] == 0
    assert len(smtp.to(team["gp"]["email"])) == 2


def test_an_smtp_server_that_is_down_delays_the_email_and_never_fails_the_change(
        app, neo4j_server, store_url, driver):
    down = SmtpServer()  # its port chosen, nothing listening yet
    application = _alert_app(neo4j_server, store_url, down.port, ALERT_RETRY_SECONDS=0.5)
    try:
        team = _team(application, driver)
        started = time.monotonic()
        _add_school(application, team)
        assert time.monotonic() - started < 2  # the request does not wait for mail
        assert _work(application)["sent"] == 0  # refused: both alerts wait to be retried
        down.start()
        assert _work(application)["sent"] == 0  # the retry is not due yet
        time.sleep(0.6)
        assert _work(application)["sent"] == 2
        assert len(down.to(team["school"]["email"])) == 1
        assert len(down.to(team["gp"]["email"])) == 1
    finally:
        down.stop()
        application.extensions["neo4j"].close()


def test_after_the_last_attempt_an_alert_is_given_up_and_kept(
        app, neo4j_server, store_url, driver):
    down = SmtpServer()
    application = _alert_app(neo4j_server, store_url, down.port, ALERT_RETRY_SECONDS=0.01,
                             ALERT_MAX_ATTEMPTS=3)
    try:
        team = _team(application, driver)
        _add_school(application, team)
        for _ in range(5):
            _work(application)
            time.sleep(0.05)
        down.start()
        time.sleep(0.1)
        assert _work(application)["sent"] == 0
        assert down.messages == []
        with application.extensions["store"].engine.connect() as connection:
            rows = connection.execute(select(alert_outbox)).all()
        assert [(r.attempts, r.failed_at is not None, r.sent_at) for r in rows] == \
            [(3, True, None)] * 2
        assert all(r.last_error.startswith("ConnectionRefusedError") for r in rows)
    finally:
        down.stop()
        application.extensions["neo4j"].close()


def test_with_email_off_nothing_waits_to_be_sent(app, driver, neo4j_server, store_url):
    """Without SMTP_HOST no team change is marked for alerts: turning email on later does not
    send a flood of old changes."""
    team = _team(app, driver)
    _add_school(app, team)
    pending = driver.execute_query("MATCH (a:AlertPending) RETURN count(a) AS n").records
    assert pending[0]["n"] == 0


def test_the_choice_page_shows_and_keeps_each_persons_choice(alert_app, team):
    client = _as(alert_app, team["gp"])
    page = client.get("/me/alerts").get_data(as_text=True)
    assert 'value="immediate" checked' in page
    post_form(client, "/me/alerts", "/me/alerts", {"delivery": "digest"})
    assert 'value="digest" checked' in client.get("/me/alerts").get_data(as_text=True)
    refused = post_form(client, "/me/alerts", "/me/alerts", {"delivery": "hourly"})
    assert refused.status_code == 400 and "Not a valid choice" in refused.get_data(as_text=True)
    assert 'value="digest" checked' in client.get("/me/alerts").get_data(as_text=True)


def test_the_choice_page_needs_a_sign_in(alert_app):
    response = alert_app.test_client().get("/me/alerts")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


ZARA_GAP = "under5-no-health-visitor:demo-per-zara-okafor"


@pytest.fixture
def demo_coordinator(alert_app):
    load_demo(alert_app, "demo password here")
    coordinator = make_user(alert_app, "coordinator")
    return coordinator, _as(alert_app, coordinator)


def _give_gap(client, email: str):
    return post_form(client, "/gaps", "/gaps/review", {
        "key": ZARA_GAP, "family_id": "demo-fam-okafor", "status": "acknowledged",
        "assign_to": email})


def test_a_gap_given_to_a_colleague_emails_them_alone(alert_app, demo_coordinator, smtp):
    _, coordinator = demo_coordinator
    health_visitor = make_user(alert_app, "practitioner", "demo-pro-ahmed")
    assert _give_gap(coordinator, health_visitor["email"].upper()).status_code == 302
    assert _work(alert_app)["sent"] == 1
    [message] = smtp.messages
    assert message["To"] == health_visitor["email"]
    text = _text(message)
    assert "given to you to act on" in text
    assert f"{SERVICE_URL}/families/demo-fam-okafor" in text
    assert "Zara" not in text and "Okafor" not in text
    reviewed = coordinator.get("/gaps").get_data(as_text=True).split(
        "Acknowledged or not applicable")[1]
    assert "Zara Okafor" in reviewed and health_visitor["email"] in reviewed


def test_a_gap_given_to_oneself_sends_nothing(alert_app, demo_coordinator, smtp):
    me, coordinator = demo_coordinator
    assert _give_gap(coordinator, me["email"]).status_code == 302
    assert _work(alert_app)["sent"] == 0


def test_a_gap_given_to_an_email_nobody_signs_in_with_is_refused(alert_app, demo_coordinator,
                                                                 smtp):
    _, coordinator = demo_coordinator
    response = _give_gap(coordinator, "stranger@elsewhere.example")
    page = coordinator.get(response.headers["Location"]).get_data(as_text=True)
    assert "no one with this email address can sign in here" in page
    to_follow = page.split("To follow up")[1].split("Acknowledged or not applicable")[0]
    assert "Zara Okafor" in to_follow  # nothing recorded
    assert _work(alert_app)["sent"] == 0


def _certificate(folder) -> tuple[str, str]:
    """A self-signed certificate for 127.0.0.1 (the relay's own CA, as a council's may be)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "relay.test")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "relay.pem", folder / "relay.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.TraditionalOpenSSL,
                                           serialization.NoEncryption()))
    return str(cert_path), str(key_path)


def test_starttls_and_the_relays_sign_in_are_used_by_default(app, neo4j_server, store_url,
                                                             driver, tmp_path):
    """The default (SMTP_TLS=starttls): the relay requires STARTTLS and a sign-in, which it
    accepts only over TLS; the worker checks the relay's certificate against SMTP_CA_FILE."""
    cert, key = _certificate(tmp_path)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    signed_in = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and \
            (auth_data.login, auth_data.password) == (b"relay-user", b"relay secret")
        signed_in.append(ok)
        return AuthResult(success=ok)

    relay = SmtpServer(tls_context=server_tls, require_starttls=True, auth_required=True,
                       auth_require_tls=True, authenticator=authenticator).start()
    application = make_app(neo4j_server, store_url, SMTP_HOST="127.0.0.1", SMTP_PORT=relay.port,
                           SMTP_CA_FILE=cert, SMTP_USER="relay-user",
                           SMTP_PASSWORD="relay secret", SERVICE_URL=SERVICE_URL)
    try:
        team = _team(application, driver)
        _add_school(application, team)
        assert _work(application)["sent"] == 2
        assert signed_in == [True] and len(relay.messages) == 2
    finally:
        relay.stop()
        application.extensions["neo4j"].close()


def test_a_relay_whose_certificate_is_not_trusted_gets_nothing(app, neo4j_server, store_url,
                                                               driver, tmp_path):
    cert, key = _certificate(tmp_path)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    relay = SmtpServer(tls_context=server_tls, require_starttls=True).start()
    application = make_app(neo4j_server, store_url, SMTP_HOST="127.0.0.1", SMTP_PORT=relay.port,
                           SERVICE_URL=SERVICE_URL)  # the system's CAs: not this one
    try:
        team = _team(application, driver)
        _add_school(application, team)
        assert _work(application)["sent"] == 0
        assert relay.messages == []
    finally:
        relay.stop()
        application.extensions["neo4j"].close()
