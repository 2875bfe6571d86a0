"""One person recorded twice: merging the two records, undoing a merge exactly, and saying
that a flagged pair are two people.

A merge moves every relationship of the removed record to the kept one (a relationship the
kept record has already, to the same node in the same role, is not doubled), fills in the
identity fields the kept record lacked, and leaves the removed record as a tombstone:
`(removed)-[:MERGED_INTO {at, by, reason}]->(kept)`, which search skips and old links follow.
A Merge node keeps the removed record's relationships as they were (types, directions, other
nodes, properties), so that an undo puts back exactly the graph as it was."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import Any

from app.records.changes import Change, RecordError, Run, in_one_transaction

IDENTITY_TO_FILL = ("nhs_number", "dob", "gender")


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    raise TypeError(f"cannot keep a {type(value).__name__} in a merge record")


def _decode(value: dict) -> Any:
    if "$datetime" in value:
        return datetime.fromisoformat(value["$datetime"])
    if "$date" in value:
        return date.fromisoformat(value["$date"])
    return value


def _key(rel: dict) -> tuple:
    return rel["type"], rel["outgoing"], rel["other"], rel["role"]


def merge(kept_id: str, removed_id: str, reason: str, user_id: str) -> Change:
    merge_id = str(uuid.uuid4())

    def work(run: Run) -> Change:
        if kept_id == removed_id:
            raise RecordError("kept_id", "Choose two different records")
        records = {r["id"]: r for r in run("records/merge_pair", kept_id=kept_id,
                                            removed_id=removed_id)}
        if len(records) != 2:
            raise RecordError("kept_id", "One of these records is not there any more")
        kept, removed = records[kept_id], records[removed_id]
        if kept["merged"] or removed["merged"]:
            raise RecordError("kept_id", "One of these records was merged already")
        if kept["kind"] != removed["kind"]:
            raise RecordError("kept_id", "A child's record and an adult's cannot be merged: "
                                         "correct the record that is wrong first")
        if kept["nhs_number"] and removed["nhs_number"] and \
                kept["nhs_number"] != removed["nhs_number"]:
            raise RecordError("kept_id", "They have different NHS numbers: check the numbers "
                                         "before merging")
        moved = run("records/relationships_of", person_id=removed_id)
        held = {_key(r) for r in run("records/relationships_of", person_id=kept_id)}
        run("records/delete_relationships", rels=[r["rel"] for r in moved])
        run("records/attach_relationships", person_id=kept_id, rows=[
            {"type": r["type"], "outgoing": r["outgoing"], "other": r["other"],
             "props": {**r["props"], "merge_id": merge_id}}
            for r in moved if r["other_id"] != kept_id and _key(r) not in held])
        filled = {name: removed[name] for name in IDENTITY_TO_FILL
                  if kept[name] is None and removed[name] is not None}
        kept_back = [{k: r[k] for k in ("type", "outgoing", "other", "props")} for r in moved]
        run("records/record_merge", id=merge_id, kept_id=kept_id, removed_id=removed_id,
            reason=reason, user_id=user_id, moved=json.dumps(kept_back, default=_encode),
            filled=filled, kept_version=kept["version"])
        return Change("merged", kept_id, sorted(filled), removed_id, reference=merge_id)
    return in_one_transaction(work)


def undo(merge_id: str, user_id: str) -> Change:
    """Put back the graph as it was before the merge. Refused when the kept record, or a
    relationship the merge moved, was changed since: undoing would lose that change."""
    def work(run: Run) -> Change:
        rows = run("records/merge", merge_id=merge_id)
        if not rows:
            raise RecordError("merge_id", "There is no such merge (it may have been undone)")
        merge = rows[0]
        kept_back = json.loads(merge["moved"], object_hook=_decode)
        copies = run("records/relationships_of_merge", person_id=merge["kept_id"],
                     merge_id=merge_id)
        expected = sorted(json.dumps({**r["props"], "merge_id": merge_id}, default=_encode,
                                     sort_keys=True) for r in kept_back)
        found = [json.dumps(c["props"], default=_encode, sort_keys=True) for c in copies]
        if merge["version_now"] != merge["kept_version"] + 1 or \
                not set(found) <= set(expected):
            raise RecordError("merge_id", "The kept record has changed since the merge: "
                                          "undoing it would lose that change")
        run("records/delete_relationships", rels=[c["rel"] for c in copies])
        run("records/attach_relationships", person_id=merge["removed_id"], rows=kept_back)
        run("records/undo_merge", merge_id=merge_id,
            unset={name: None for name in merge["filled"]})
        return Change("merge_undone", merge["kept_id"], list(merge["filled"]),
                      merge["removed_id"])
    return in_one_transaction(work)


def not_the_same(a_id: str, b_id: str, reason: str, user_id: str) -> Change:
    def work(run: Run) -> Change:
        rows = run("records/not_same_person", a=a_id, b=b_id, reason=reason, user_id=user_id)
        if not rows:
            raise RecordError("reason", "One of these records is not there any more")
        return Change("not_same_person", a_id, [], b_id)
    return in_one_transaction(work)
