"""Configuration, read from the environment once at start (a `.env` file is read if present)."""

import os
import secrets
from pathlib import Path

from dotenv import load_dotenv

load_dotenv()

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env_number(name: str, default, kind=int):
    """A number from the environment (whole for `int`), or the default when unset."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return kind(raw)
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise ValueError(f"{name} must be {what}, not {raw!r}") from None


def _env_int(name: str, default: int) -> int:
    return _env_number(name, default, int)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one kept in instance/secret_key.

    Every worker process of one installation must sign cookies with the same key, so a
    generated key is written once (exclusively, so two workers starting together agree).
    """
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = PROJECT_ROOT / "instance" / "secret_key"
    path.parent.mkdir(exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


class Config:
    NEO4J_URI = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    NEO4J_USER = os.environ.get("NEO4J_USER", "neo4j")
    NEO4J_PASSWORD = os.environ.get("NEO4J_PASSWORD", "")
    NEO4J_DATABASE = os.environ.get("NEO4J_DATABASE", "neo4j")
    # The app's own store (accounts, sessions, tokens, the audit trail): SQLite in
    # instance/ by default; a PostgreSQL URL (postgresql+psycopg://...) for several servers.
    DATABASE_URL = os.environ.get("DATABASE_URL") or \
        f"sqlite:///{PROJECT_ROOT / 'instance' / 'app.sqlite3'}"
    # How long a request may wait for the database before the user sees the 503 page: a
    # connection attempt (seconds), and the time within which the driver retries a failed
    # transaction (0.5: one retry, about a second later).
    NEO4J_CONNECTION_TIMEOUT = _env_number("NEO4J_CONNECTION_TIMEOUT", 1.0, float)
    NEO4J_RETRY_TIME = _env_number("NEO4J_RETRY_TIME", 0.5, float)
    SECRET_KEY = _secret_key()
    PORT = _env_int("PORT", 5000)
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", "0") == "1"
    SERVICE_NAME = os.environ.get("SERVICE_NAME", "Safeguarding network map")
    TESTING = False
    # Sign-in and sessions (docs/domain.md, information governance).
    IDLE_TIMEOUT_SECONDS = 60 * _env_int("IDLE_TIMEOUT_MINUTES", 30)
    SIGNIN_MAX_FAILURES_PER_ACCOUNT = _env_int("SIGNIN_MAX_FAILURES_PER_ACCOUNT", 5)
    SIGNIN_MAX_FAILURES_PER_ADDRESS = _env_int("SIGNIN_MAX_FAILURES_PER_ADDRESS", 50)
    SIGNIN_WINDOW_SECONDS = _env_int("SIGNIN_WINDOW_SECONDS", 900)
    SIGNIN_LOCKOUT_SECONDS = _env_int("SIGNIN_LOCKOUT_SECONDS", 900)
    # Single sign-on through the organisation's OpenID Connect provider (Microsoft Entra ID
    # or another): its issuer URL, and this service's client as registered there. The
    # callback address registered with the provider is OIDC_REDIRECT_URI, by default this
    # server's /login/sso/callback as requests reach it.
    OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "")
    OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
    OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
    OIDC_REDIRECT_URI = os.environ.get("OIDC_REDIRECT_URI", "")
    OIDC_PROVIDER_NAME = os.environ.get("OIDC_PROVIDER_NAME", "your organisation's account")
    OIDC_TIMEOUT_SECONDS = _env_number("OIDC_TIMEOUT_SECONDS", 10.0, float)
    # Passwords kept by this service: 0 switches them off (single sign-on only).
    LOCAL_SIGN_IN = os.environ.get("LOCAL_SIGN_IN", "1") != "0"
    # Email alerts, sent by the alert worker (`flask --app app alerts work`): off while
    # SMTP_HOST is unset. SMTP_TLS is "starttls", "ssl" (implicit TLS) or "none".
    SMTP_HOST = os.environ.get("SMTP_HOST", "")
    SMTP_PORT = _env_int("SMTP_PORT", 587)
    SMTP_TLS = os.environ.get("SMTP_TLS", "starttls")
    SMTP_USER = os.environ.get("SMTP_USER", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
    SMTP_TIMEOUT_SECONDS = _env_number("SMTP_TIMEOUT_SECONDS", 10.0, float)
    SMTP_CA_FILE = os.environ.get("SMTP_CA_FILE", "")
    ALERT_FROM = os.environ.get("ALERT_FROM", "network-map@localhost")
    # The service's address as its users reach it: the links in emails start with it.
    SERVICE_URL = os.environ.get("SERVICE_URL") or f"http://127.0.0.1:{_env_int('PORT', 5000)}"
    ALERT_DIGEST_HOUR = _env_int("ALERT_DIGEST_HOUR", 7)
    ALERT_POLL_SECONDS = _env_number("ALERT_POLL_SECONDS", 15.0, float)
    ALERT_RETRY_SECONDS = _env_number("ALERT_RETRY_SECONDS", 60.0, float)
    ALERT_MAX_ATTEMPTS = _env_int("ALERT_MAX_ATTEMPTS", 10)
    # Need to know: a practitioner keeps access this long after their involvement ends.
    ACCESS_WINDOW_DAYS = _env_int("ACCESS_WINDOW_DAYS", 90)
    BREAK_GLASS_HOURS = _env_int("BREAK_GLASS_HOURS", 24)
    # Concerns from this many different agencies prompt the child's team to meet.
    CONCERN_MEETING_THRESHOLD = _env_int("CONCERN_MEETING_THRESHOLD", 3)
    # The analysts' read-only console: a time limit (enforced by the server) and a row limit.
    CONSOLE_TIMEOUT_SECONDS = _env_int("CONSOLE_TIMEOUT_SECONDS", 10)
    CONSOLE_ROW_LIMIT = _env_int("CONSOLE_ROW_LIMIT", 1000)
    CONSOLE_BYTE_LIMIT = _env_int("CONSOLE_BYTE_LIMIT", 2_000_000)
    # The connection finder: the server stops a search for paths after this many seconds.
    PATH_SECONDS = _env_int("PATH_SECONDS", 5)
    # Imports: the largest file (or folder of CSVs, per file) an import takes.
    IMPORT_MAX_BYTES = _env_int("IMPORT_MAX_BYTES", 100_000_000)
    # Uploads waiting for confirmation, and each import's rejected rows (personal data: the
    # folder is the server's own, never served as static files).
    IMPORT_FOLDER = os.environ.get("IMPORT_FOLDER") or str(PROJECT_ROOT / "instance" / "imports")
    # The area's code put before source ids by the import page (the commands take --la-code).
    IMPORT_LA_CODE = os.environ.get("IMPORT_LA_CODE", "")
    # An upload may be this much larger than the largest file (a form's own bytes).
    MAX_CONTENT_LENGTH = IMPORT_MAX_BYTES + 1_000_000
    # The gap rules' settings (config/gaps.toml by default).
    GAPS_CONFIG = os.environ.get("GAPS_CONFIG") or str(PROJECT_ROOT / "config" / "gaps.toml")
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session, which has its own timeout


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret-key-not-for-use"  # noqa: S105 (tests only)


class ProductionConfig(Config):
    """For deployments behind TLS: cookies only over HTTPS, and a real secret required."""

    SESSION_COOKIE_SECURE = True

    def __init__(self) -> None:
        if not os.environ.get("SECRET_KEY"):
            raise RuntimeError("SECRET_KEY must be set in production")
        if not os.environ.get("NEO4J_PASSWORD"):
            raise RuntimeError("NEO4J_PASSWORD must be set in production")


def config_for_environment():
    """The config class named by APP_ENV (development by default)."""
    name = os.environ.get("APP_ENV", "development")
    classes = {"development": Config, "production": ProductionConfig, "test": TestConfig}
    if name not in classes:
        raise RuntimeError(f"APP_ENV must be one of {sorted(classes)}, not {name!r}")
    return classes[name]
