"""The read-only Cypher console: run, limit, and turn records into a table and a graph."""

from __future__ import annotations

import json

from flask import current_app
from neo4j.exceptions import Neo4jError
from neo4j.graph import Node, Path, Relationship

from app.analysis import plan_check
from app.db import TookTooLong
from app.extensions import get_db
from graph_views import subgraph


class ConsoleError(Exception):
    pass


def _node_record(node: Node) -> dict:
    return {"element_id": node.element_id, "id": node.get("id") or node.element_id,
            "labels": list(node.labels), "props": dict(node)}


def _node_id(node: Node | None) -> str | None:
    return None if node is None else node.get("id") or node.element_id


def _rel_record(rel: Relationship) -> dict:
    return {"source": _node_id(rel.start_node), "target": _node_id(rel.end_node),
            "type": rel.type, "props": dict(rel)}


def _collect(value, nodes: dict, rels: list) -> None:
    if isinstance(value, Node):
        nodes[value.element_id] = _node_record(value)
    elif isinstance(value, Relationship):
        for end in (value.start_node, value.end_node):
            if end is not None and end.element_id not in nodes and end.labels:
                nodes[end.element_id] = _node_record(end)
        rels.append(_rel_record(value))
    elif isinstance(value, Path):
        for node in value.nodes:
            _collect(node, nodes, rels)
        for rel in value.relationships:
            _collect(rel, nodes, rels)
    elif isinstance(value, list):
        for item in value:
            _collect(item, nodes, rels)
    elif isinstance(value, dict):
        for item in value.values():
            _collect(item, nodes, rels)


def _cell(value) -> str:
    if isinstance(value, Node):
        name = value.get("name") or " ".join(
            filter(None, (value.get("given_name"), value.get("family_name"))))
        return f"({':'.join(sorted(value.labels))} {name or value.get('id', '')})"
    if isinstance(value, Relationship):
        return f"[:{value.type}]"
    if isinstance(value, Path):
        return f"path of {len(value.relationships)} steps"
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value if isinstance(value, str) else json.dumps(value, default=str)


def limits() -> tuple[int, int]:
    """(seconds, rows) a console query may take."""
    return (current_app.config["CONSOLE_TIMEOUT_SECONDS"], current_app.config["CONSOLE_ROW_LIMIT"])


def _size(record) -> int:
    """About how many bytes a record takes on the page (its cells as text)."""
    return sum(len(_cell(value)) for value in record.values())


def _explain(error: Neo4jError) -> str:
    """What the database said, in the user's terms."""
    code, message = error.code or "", error.message or str(error)
    if "AccessMode" in code or "ForbiddenDueToTransactionType" in code or \
            "write" in message.lower():
        return "query: the console is read-only; the database refused to write"
    return f"query: {message}"


def check(text: str, params: dict) -> None:
    """Refuse, before it runs, a query whose plan does more than read the graph."""
    if not text.strip():
        raise ConsoleError("query: enter a Cypher query")
    try:
        plan = get_db().explain(text, params)
    except Neo4jError as error:
        raise ConsoleError(_explain(error)) from None
    refused = plan_check.refusal(plan, get_db().database)
    if refused:
        raise ConsoleError(f"query: not allowed in the console: {refused.reason} "
                           f"({refused.operator})")


def run(text: str, params: dict):
    """Returns (columns, rows as text cells, graph or None, truncated). Call check() first."""
    timeout, row_limit = limits()
    try:
        columns, records, truncated = get_db().run_read_only(
            text, params, timeout, row_limit, _size, current_app.config["CONSOLE_BYTE_LIMIT"])
    except TookTooLong:
        raise ConsoleError(f"query: stopped after {timeout} seconds (the time limit); "
                           "narrow it down with WHERE or LIMIT") from None
    except Neo4jError as error:
        raise ConsoleError(_explain(error)) from None
    nodes: dict = {}
    rels: list = []
    for record in records:
        for value in record.values():
            _collect(value, nodes, rels)
    rows = [[_cell(value) for value in record.values()] for record in records]
    graph = subgraph.build(list(nodes.values()), rels) if nodes else None
    return columns, rows, graph, truncated
