"""The audit trail's hash chain, on events as plain dicts."""

from datetime import UTC, datetime, timedelta

from app.audit import chain


def trail(count: int, texts: dict | None = None) -> list[dict]:
    events, previous = [], chain.GENESIS
    start = datetime(2026, 11, 1, 9, tzinfo=UTC)
    for n in range(count):
        event = {"seq": n + 1, "id": f"e{n}", "at": start + timedelta(minutes=n),
                 "action": "view_family", "user_id": "u1", "target_id": f"f{n}",
                 "outcome": "allowed", "reason": None, "text_hash": None}
        event.update(prev_hash=previous, hash=chain.event_hash(previous, event))
        events.append(event)
        previous = event["hash"]
    return events


def test_an_intact_trail_has_no_problem():
    assert chain.problems(trail(5), {}) == []


def test_a_time_read_back_without_its_zone_hashes_the_same():
    """SQLite gives the UTC time back without its zone; the hash must not change."""
    [event] = trail(1)
    naive = dict(event, at=event["at"].replace(tzinfo=None))
    assert chain.event_hash(chain.GENESIS, naive) == event["hash"]


def test_a_changed_event_is_named():
    events = trail(4)
    events[2]["outcome"] = "denied"
    assert chain.problems(events, {}) == ["event 3: its content was changed"]


def test_a_removed_event_is_noticed_at_the_next_one():
    events = trail(4)
    del events[1]
    assert chain.problems(events, {}) == ["event 3: the event before it was changed or removed"]


def test_a_changed_text_is_noticed():
    events = trail(1)
    digest = chain.text_hash("MATCH (n) RETURN n")
    events[0]["text_hash"] = digest
    events[0]["hash"] = chain.event_hash(chain.GENESIS, events[0])
    assert chain.problems(events, {digest: "MATCH (n) RETURN n"}) == []
    assert chain.problems(events, {digest: "RETURN 1"}) == \
        ["event 1: its query text was changed or removed"]
