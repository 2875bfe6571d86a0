"""Structured logs on stdout: one JSON object a line, with no personal data.

Requests are logged by their route pattern (`/families/<family_id>`), never by their query
string or form, so names typed into a search never reach the log.
"""

import json
import logging
import sys
import time
import uuid

from flask import Flask, g, request

# Attributes every LogRecord has; anything else was passed with `extra=` and is logged.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure(level: int = logging.INFO) -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Werkzeug's own request lines carry the full URL; ours below carry the route only.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    logging.getLogger("neo4j").setLevel(logging.WARNING)


def init_app(app: Flask) -> None:
    configure()
    request_log = logging.getLogger("app.request")

    @app.before_request
    def start_timer() -> None:
        g.request_id = uuid.uuid4().hex[:16]
        g.started = time.perf_counter()

    @app.after_request
    def log_request(response):
        request_log.info(
            "request",
            extra={
                "request_id": g.get("request_id"),
                "method": request.method,
                "route": request.url_rule.rule if request.url_rule else "(unmatched)",
                "status": response.status_code,
                "ms": round((time.perf_counter() - g.get("started", time.perf_counter())) * 1000, 1),
            },
        )
        return response
