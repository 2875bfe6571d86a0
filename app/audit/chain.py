"""The audit trail's hash chain: each event's hash covers its fields and the previous
event's hash, so an event changed or removed after the fact shows as a broken link.

The database refuses UPDATE and DELETE on the trail (triggers); the chain catches what a
person with direct access to the database could still do around them.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

GENESIS = "0" * 64
FIELDS = ("id", "at", "action", "user_id", "target_id", "outcome", "reason", "text_hash")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _canonical_time(at: datetime) -> str:
    if at.tzinfo is None:  # SQLite gives back the UTC time without its zone
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def event_hash(prev_hash: str, event: dict) -> str:
    values = [prev_hash] + [_canonical_time(event[f]) if f == "at" else event[f] for f in FIELDS]
    return hashlib.sha256(json.dumps(values, separators=(",", ":")).encode()).hexdigest()


def problems(events, texts: dict[str, str]) -> list[str]:
    """What is wrong with a trail read in order (`events` as dicts with seq, prev_hash and
    hash besides FIELDS; `texts` the stored texts by hash). Empty when the chain holds."""
    found = []
    previous = GENESIS
    for event in events:
        if event["prev_hash"] != previous:
            found.append(f"event {event['seq']}: the event before it was changed or removed")
        if event_hash(event["prev_hash"], event) != event["hash"]:
            found.append(f"event {event['seq']}: its content was changed")
        digest = event["text_hash"]
        if digest is not None and (digest not in texts or text_hash(texts[digest]) != digest):
            found.append(f"event {event['seq']}: its query text was changed or removed")
        previous = event["hash"]
    return found
