"""Changes to the directory, each one write transaction: agencies, professionals (a move to
another agency keeps the old link, dated), which account is a professional's, and a
professional's leaving: every ongoing involvement ended in one transaction, each handed to
its successor or explicitly to nobody, by the team's own rules."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from app.admin import repository as accounts
from app.directory import repository as directory
from app.records.changes import (
    Change,
    ChangedSinceOpened,
    RecordError,
    Run,
    changed_fields,
    in_one_transaction,
)
from app.team.changes import Actor, TeamChangeError, end_in

AGENCY_FIELDS = ("name", "type")
PROFESSIONAL_FIELDS = ("name", "job_title", "email", "phone", "sensitive_role")


def _current(run: Run, query: str, **params) -> dict:
    rows = run(query, **params)
    if not rows:
        raise RecordError("name", "This record is not in the directory")
    return rows[0]


def add_agency(values: dict[str, Any], user_id: str) -> Change:
    agency_id = str(uuid.uuid4())

    def work(run: Run) -> Change:
        run("directory/create_agency", id=agency_id, values=values, user_id=user_id)
        return Change("agency_added", agency_id, sorted(values))
    change = in_one_transaction(work)
    directory.forget_agency_filter()
    return change


def change_agency(agency_id: str, values: dict[str, Any], version: int) -> Change:
    def work(run: Run) -> Change:
        agency = _current(run, "directory/agency", agency_id=agency_id)
        if agency["version"] != version:
            raise ChangedSinceOpened({k: agency[k] for k in (*AGENCY_FIELDS, "version")})
        fields = changed_fields(agency, values)
        if fields:
            run("directory/update_agency", agency_id=agency_id, version=version,
                values={k: values[k] for k in fields})
        return Change("agency_changed", agency_id, fields)
    change = in_one_transaction(work)
    directory.forget_agency_filter()
    return change


def add_professional(agency_id: str, values: dict[str, Any], user_id: str) -> Change:
    professional_id = str(uuid.uuid4())

    def work(run: Run) -> Change:
        if not run("directory/create_professional", id=professional_id, agency_id=agency_id,
                   values={k: v for k, v in values.items() if v is not None}, user_id=user_id):
            raise RecordError("agency_id", "Choose an agency from the list")
        return Change("professional_added", professional_id,
                      sorted(k for k, v in values.items() if v is not None))
    return in_one_transaction(work)


def change_professional(professional_id: str, values: dict[str, Any], agency_id: str,
                        version: int) -> Change:
    def work(run: Run) -> Change:
        current = _current(run, "directory/professional", professional_id=professional_id)
        if current["version"] != version:
            raise ChangedSinceOpened({k: current[k] for k in
                                      (*PROFESSIONAL_FIELDS, "agency_id", "version")})
        fields = changed_fields(current, values)
        if fields:
            run("directory/update_professional", professional_id=professional_id,
                version=version, values={k: values[k] for k in fields})
        if agency_id != current["agency_id"]:
            if not run("directory/move_agency", professional_id=professional_id,
                       agency_id=agency_id):
                raise RecordError("agency_id", "Choose an agency from the list")
            fields.append("agency")
        return Change("professional_changed", professional_id, fields)
    return in_one_transaction(work)


def link_account(professional_id: str, user_id: str) -> Change:
    """The account (in the app's store) becomes this professional's: what they see follows
    the professional's involvements."""
    if not accounts.set_professional(user_id, professional_id):
        raise RecordError("user_id", "Choose an account without a professional")
    return Change("account_linked", professional_id, ["professional_id"], user_id)


def leave(professional_id: str, left: date, successors: dict[str, str | None],
          actor: Actor, check_only: bool = False) -> Change:
    """The professional leaves on `left`: each ongoing involvement ends that day (reason
    "left the organisation"), handed to its successor (who starts the next day, keeping the
    lead) or to nobody, said explicitly. All or nothing; with `check_only`, every rule is
    checked and nothing written (the check page)."""
    def work(run: Run) -> Change:
        current = _current(run, "directory/professional", professional_id=professional_id)
        if current["left"] is not None:
            raise RecordError("left", "This professional has left already")
        ongoing = run("directory/ongoing_involvements", professional_id=professional_id)
        if {i["id"] for i in ongoing} != set(successors):
            raise RecordError("left", "Their involvements changed since the page was opened: "
                                      "open it again")
        for involvement in ongoing:
            run("records/lock_person", person_id=involvement["person_id"])
            try:
                end_in(run, involvement["person_id"], involvement["id"], left,
                       "left_authority", successors[involvement["id"]], actor,
                       may_end_others=True)
            except TeamChangeError as error:
                field = f"successor_{involvement['id']}" if error.field == "successor_id" \
                    else error.field
                raise RecordError(field, f"{involvement['person_name']}: {error.message}") \
                    from None
        run("directory/mark_left", professional_id=professional_id, left=left)
        return Change("left", professional_id, ["left", *sorted(successors)])
    return in_one_transaction(work, check_only=check_only)

