"""The API described: an OpenAPI 3.1 document for /api/v1, served at /api/v1/openapi.json.

Each operation is declared here by its endpoint; the document's paths come from Flask's URL
map, so a route added without a declaration stops the document being built (and the test
that builds it fails), and a declaration left for a route that is gone does too. Request
bodies are described from the same WTForms classes that validate them (app/api/json_forms.py
says how JSON types map onto a form), so a field's name, whether it is required and its
length limit are written once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from flask import current_app, jsonify
from flask_wtf import FlaskForm
from wtforms import BooleanField, Field, IntegerField, SelectField, SelectMultipleField
from wtforms.validators import DataRequired, InputRequired, Length

from app.analysis.routes import MAX_PATH_LENGTH
from app.api import bp
from app.directory.forms import (
    AccountForm,
    AgencyForm,
    ChangeAgencyForm,
    ChangeProfessionalForm,
    ProfessionalForm,
)
from app.permissions import public
from app.records.forms import (
    BirthForm,
    ChangePlanForm,
    DeceasedForm,
    ExistingMemberForm,
    FamilyForm,
    IdentityForm,
    MergeForm,
    MoveForm,
    NewMemberForm,
    NotSameForm,
    PlanForm,
    RelationshipForm,
    RemoveMemberForm,
    UndoMergeForm,
)
from app.team.forms import AddColleagueForm, EndForm

TEXT = {"type": "string"}
DATE = {"type": "string", "format": "date"}
NULLABLE_TEXT = {"type": ["string", "null"]}
ANY_OBJECT = {"type": "object"}
ERROR = {"$ref": "#/components/schemas/Error"}


@dataclass(frozen=True)
class Operation:
    summary: str
    who: str  # the roles allowed, in words
    body: dict | None = None  # the request body's schema
    query: tuple[dict, ...] = ()
    ok: int = 200
    answer: dict = field(default_factory=lambda: ANY_OBJECT)
    write: bool = False  # takes a personal API token
    public: bool = False  # open to anyone, signed in or not

    @property
    def security(self) -> list[dict]:
        if self.public:
            return []
        return [{"token": []}] if self.write else [{"token": []}, {"session": []}]


def _query(name: str, schema: dict, description: str, required: bool = False) -> dict:
    return {"name": name, "in": "query", "required": required, "schema": schema,
            "description": description}


def _object(properties: dict[str, dict], required: tuple[str, ...] = ()) -> dict:
    return {"type": "object", "properties": properties, "required": list(required)}


def _field_schema(form_field: Field) -> dict:
    """A form field as JSON takes it (app/api/json_forms.py): booleans as booleans, a whole
    number as a number or a text, a multiple choice as a list of texts, the rest as texts;
    null for "not given" anywhere."""
    if isinstance(form_field, BooleanField):
        return {"type": ["boolean", "null"]}
    if isinstance(form_field, IntegerField):
        return {"type": ["integer", "string", "null"]}
    if isinstance(form_field, SelectMultipleField):
        return {"type": ["array", "null"], "items": TEXT}
    schema: dict[str, Any] = {"type": ["string", "null"]}
    if "Date" in type(form_field).__name__:
        schema["format"] = "date"
    lengths = [v.max for v in form_field.validators if isinstance(v, Length) and v.max >= 0]
    if lengths:
        schema["maxLength"] = min(lengths)
    if isinstance(form_field, SelectField) and form_field.validate_choice and form_field.choices:
        schema["enum"] = [value for value, *_ in form_field.choices] + [None]
    return schema


def form_body(form_class: type[FlaskForm], *, leave_out: tuple[str, ...] = (),
              defaults: tuple[str, ...] = (), extra: dict[str, dict] | None = None,
              partial: bool = False) -> dict:
    """The JSON object a form validates: its fields and those it requires, less the ones
    the route fills in when missing (`defaults`), with `extra` ones the route reads itself.
    A `partial` body (a change) sends only what changes, and the version it read."""
    form = form_class(meta={"csrf": False}, formdata=None)
    properties, required = {}, []
    for form_field in form:
        if form_field.name in leave_out or form_field.type == "CSRFTokenField":
            continue
        properties[form_field.name] = _field_schema(form_field)
        if any(isinstance(v, DataRequired | InputRequired) for v in form_field.validators) \
                and form_field.name not in defaults:
            required.append(form_field.name)
    properties.update(extra or {})
    return _object(properties, ("version",) if partial else tuple(required))


def _operations() -> dict[str, Operation]:
    """Every API operation, by endpoint."""
    family_network = _object({
        "family": _object({"id": TEXT, "name": NULLABLE_TEXT}, ("id",)),
        "nodes": {"type": "array", "items": _object({"id": TEXT, "kind": TEXT}, ("id", "kind"))},
        "edges": {"type": "array", "items": _object(
            {"source": TEXT, "target": TEXT, "type": TEXT}, ("source", "target", "type"))},
    }, ("family", "nodes", "edges"))
    gap = _object({"key": TEXT, "rule": TEXT, "title": TEXT,
                   "severity": {"enum": ["high", "medium", "low"]}, "child_id": NULLABLE_TEXT,
                   "person_id": NULLABLE_TEXT, "family_id": NULLABLE_TEXT,
                   "since": {"type": ["string", "null"], "format": "date"}, "facts": ANY_OBJECT},
                  ("key", "rule", "title", "severity", "facts"))
    change = _object({"on": DATE, "kind": TEXT, "person_id": NULLABLE_TEXT,
                      "professional_id": NULLABLE_TEXT, "professional_name": NULLABLE_TEXT,
                      "role": NULLABLE_TEXT, "detail": NULLABLE_TEXT}, ("on", "kind"))
    path = _object({"length": {"type": "integer"}, "text": TEXT,
                    "nodes": {"type": "array", "items": _object(
                        {"id": TEXT, "kind": TEXT, "label": TEXT}, ("id", "kind", "label"))},
                    "edges": {"type": "array", "items": _object(
                        {"source": TEXT, "target": TEXT, "type": TEXT},
                        ("source", "target", "type"))}},
                   ("length", "nodes", "edges"))
    created = _object({"id": TEXT}, ("id",))
    changed = _object({"changed": {"type": "array", "items": TEXT}}, ("changed",))
    as_of = _query("as_of", DATE, "The network as it was that day (YYYY-MM-DD).")
    return {
        "api.openapi": Operation("This document", "anyone", public=True),
        "api.family_network_json": Operation(
            "A family's network: members, professionals, agencies and their ties",
            "anyone who may see the family", query=(as_of,), answer=family_network),
        "api.family_changes": Operation(
            "What changed in a family since a day (by default its last conference)",
            "anyone who may see the family",
            query=(_query("since", DATE, "The first day (YYYY-MM-DD)."),),
            answer=_object({"since": {"type": ["string", "null"], "format": "date"},
                            "changes": {"type": "array", "items": change}},
                           ("since", "changes"))),
        "api.gaps": Operation(
            "Gaps in involvement: one family's (found now) or the area's (as last checked)",
            "anyone who may see the family; the area: coordinators and analysts",
            query=(_query("family", TEXT, "A family's id."),
                   _query("rule", TEXT, "One rule's id.")),
            answer=_object({"gaps": {"type": "array", "items": gap}}, ("gaps",))),
        "api.connections": Operation(
            "The shortest paths between two people", "coordinators and analysts",
            query=(_query("from", TEXT, "A person's id.", required=True),
                   _query("to", TEXT, "Another person's id.", required=True),
                   _query("max", {"type": "integer", "minimum": 1, "maximum": MAX_PATH_LENGTH},
                          "The longest path, in steps."),
                   _query("no_professionals", {"enum": ["1"]}, "Not through professionals."),
                   _query("no_ended", {"enum": ["1"]}, "Not through ended ties.")),
            answer=_object({"paths": {"type": "array", "items": path}}, ("paths",))),
        "api.duplicates": Operation(
            "Possible duplicate people, a page of 50", "coordinators",
            query=(_query("page", {"type": "integer", "minimum": 1}, "The page."),),
            answer=_object({"pairs": {"type": "array", "items": ANY_OBJECT}}, ("pairs",))),
        "api.merge": Operation(
            "Merge a pair of duplicates into one record", "coordinators",
            body=form_body(MergeForm, leave_out=("confirmed",)), write=True,
            answer=_object({"kept_id": TEXT, "merged_id": TEXT, "merge_id": TEXT},
                           ("kept_id", "merged_id", "merge_id"))),
        "api.not_same": Operation(
            "Say a pair are two people (never flagged again)", "coordinators",
            body=form_body(NotSameForm), write=True,
            answer=_object({"not_same": {"type": "array", "items": TEXT}}, ("not_same",))),
        "api.undo_merge": Operation(
            "Undo a merge", "coordinators", body=form_body(UndoMergeForm), write=True,
            answer=_object({"restored": {"type": "array", "items": TEXT}}, ("restored",))),
        "api.create_family": Operation("Record a family", "coordinators",
                                       body=form_body(FamilyForm), ok=201, answer=created,
                                       write=True),
        "api.add_member": Operation(
            "Add someone to a family: a person already recorded, or a new one",
            "coordinators and practitioners working with the family",
            body={"anyOf": [form_body(ExistingMemberForm), form_body(NewMemberForm)]}, ok=201,
            answer=created, write=True),
        "api.remove_member": Operation(
            "End someone's membership of a family", "coordinators and practitioners working "
            "with the family", body=form_body(RemoveMemberForm, extra={"person_id": TEXT}),
            write=True),
        "api.move": Operation(
            "Move people to a household (an existing one, or a new address)",
            "coordinators and practitioners working with the family",
            body=form_body(MoveForm, leave_out=("confirmed",), defaults=("moved",)),
            write=True),
        "api.person": Operation("A person's record with its version", "anyone who may see them",
                                answer=ANY_OBJECT),
        "api.correct_identity": Operation(
            "Correct a person's identity (fields not sent keep their values)",
            "coordinators and practitioners working with them",
            body=form_body(IdentityForm, partial=True), answer=changed,
            write=True),
        "api.birth": Operation("An unborn child is born", "coordinators and practitioners "
                               "working with them", body=form_body(BirthForm), write=True),
        "api.deceased": Operation("A person has died", "coordinators and practitioners working "
                                  "with them", body=form_body(DeceasedForm), write=True),
        "api.relationship": Operation(
            "Record a tie between two people", "coordinators and practitioners working with "
            "them", body=form_body(RelationshipForm), ok=201, write=True),
        "api.add_plan": Operation("Start a plan for a child", "coordinators",
                                  body=form_body(PlanForm), ok=201, answer=created, write=True),
        "api.change_plan": Operation(
            "Change a plan (fields not sent keep their values)", "coordinators",
            body=form_body(ChangePlanForm, partial=True), answer=changed,
            write=True),
        "api.add_agency": Operation("Add an agency", "admins and coordinators",
                                    body=form_body(AgencyForm), ok=201, answer=created,
                                    write=True),
        "api.change_agency": Operation(
            "Change an agency (fields not sent keep their values)", "admins and coordinators",
            body=form_body(ChangeAgencyForm, partial=True), answer=changed,
            write=True),
        "api.add_professional": Operation("Add a professional", "admins and coordinators",
                                          body=form_body(ProfessionalForm), ok=201,
                                          answer=created, write=True),
        "api.professional": Operation(
            "A professional's details with their version and ongoing involvements",
            "admins and coordinators"),
        "api.change_professional": Operation(
            "Change a professional (fields not sent keep their values)",
            "admins and coordinators",
            body=form_body(ChangeProfessionalForm, partial=True), answer=changed, write=True),
        "api.link_account": Operation("Link an account to a professional",
                                      "admins and coordinators", body=form_body(AccountForm),
                                      write=True),
        "api.leaving": Operation(
            "A professional leaves: each ongoing involvement ended, handed to a successor or "
            "to nobody, in one transaction", "admins and coordinators",
            body=_object({"left": {"type": ["string", "null"], "format": "date"},
                          "successors": {"type": "object",
                                         "additionalProperties": NULLABLE_TEXT}},
                         ("successors",)),
            answer=_object({"ended": {"type": "integer"}}, ("ended",)), write=True),
        "api.add_involvement": Operation(
            "Join a child's team (yourself by default)", "practitioners and coordinators "
            "working with the child",
            body=form_body(AddColleagueForm, defaults=("professional_id", "since")), ok=201,
            answer=created, write=True),
        "api.end_involvement": Operation(
            "Leave a child's team, naming a successor or saying there is none (null)",
            "practitioners and coordinators working with the child",
            body=form_body(EndForm, leave_out=("involvement_id", "confirmed"),
                           defaults=("ended",), extra={"successor_id": NULLABLE_TEXT}),
            answer=_object({"ended": TEXT}, ("ended",)), write=True),
        "api.record_contact": Operation(
            "Record that you saw the child today", "practitioners working with the child",
            answer=_object({"last_contact": DATE}, ("last_contact",)), write=True),
        "api.concern": Operation(
            "Raise (or withdraw) your concern about a child", "practitioners working with "
            "the child", body=_object({"raised": {"type": "boolean"}}, ("raised",)),
            answer=_object({"raised": {"type": "boolean"}}, ("raised",)), write=True),
    }


def _responses(operation: Operation, has_path_ids: bool) -> dict:
    responses: dict[str, dict] = {str(operation.ok): {
        "description": "Done" if operation.write else "Found",
        "content": {"application/json": {"schema": operation.answer}}}}
    errors = {} if operation.public else {
        "401": "Not signed in, or (writes) no personal API token",
        "403": "Not allowed for this user",
        "422": "A field or argument is invalid (each named with its messages)",
        "503": "The database is unavailable"}
    if has_path_ids:
        errors["404"] = "No such record"
    if operation.write:
        errors["409"] = "The record changed since it was read (the record as it is now)"
    for status, description in errors.items():
        responses[status] = {"description": description,
                             "content": {"application/json": {"schema": ERROR}}}
    responses["default"] = {"description": "Any other error",
                            "content": {"application/json": {"schema": ERROR}}}
    return responses


def _openapi_path(rule: str) -> str:
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule)


def document() -> dict:
    """The OpenAPI 3.1 document of the API as this app serves it."""
    operations = _operations()
    paths: dict[str, dict] = {}
    described = set()
    for rule in current_app.url_map.iter_rules():
        if not rule.endpoint.startswith("api."):
            continue
        if rule.endpoint not in operations:
            raise LookupError(f"{rule.endpoint} ({rule.rule}) is not described in {__name__}")
        operation = operations[rule.endpoint]
        described.add(rule.endpoint)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            entry: dict[str, Any] = {
                "operationId": rule.endpoint.removeprefix("api."),
                "summary": operation.summary,
                "description": f"Who: {operation.who}.",
                "security": operation.security,
                "parameters": [{"name": name, "in": "path", "required": True, "schema": TEXT}
                               for name in rule.arguments] + list(operation.query),
                "responses": _responses(operation, bool(rule.arguments)),
            }
            if operation.body is not None:
                entry["requestBody"] = {"required": True, "content": {
                    "application/json": {"schema": operation.body}}}
            paths.setdefault(_openapi_path(rule.rule), {})[method.lower()] = entry
    left_over = set(operations) - described
    if left_over:
        raise LookupError(f"described but not routed: {sorted(left_over)}")
    return {
        "openapi": "3.1.0",
        "info": {"title": f"{current_app.config['SERVICE_NAME']} API", "version": "1",
                 "description": "Families, their networks, gaps, records and teams, under the "
                                "same access rule and audit as the pages. Reads take the "
                                "session or a personal API token; writes take the token."},
        "paths": paths,
        "components": {
            "securitySchemes": {
                "token": {"type": "http", "scheme": "bearer",
                          "description": "A personal API token (Your account > API tokens)"},
                "session": {"type": "apiKey", "in": "cookie",
                            "name": current_app.config["SESSION_COOKIE_NAME"]}},
            "schemas": {"Error": _object({
                "error": TEXT, "detail": TEXT,
                "errors": {"type": "object", "additionalProperties": {
                    "type": "array", "items": TEXT}},
                "current": ANY_OBJECT}, ("error",))}},
    }


@bp.get("/openapi.json")
@public
def openapi():
    """The document, built once per process (it describes code, not data)."""
    if "openapi" not in current_app.extensions:
        current_app.extensions["openapi"] = document()
    return jsonify(current_app.extensions["openapi"])
