"""Any piece of the graph (a path, a neighbourhood, a console result) as a networkx graph
with the same node and edge attributes as a family network, so that the same picture,
exports and text serve every analysis."""

from __future__ import annotations

import math
from datetime import date

import networkx as nx

from graph_views.values import age_in_years, native

KIND_BY_LABEL = (("Child", "child"), ("Adult", "adult"), ("Family", "family"),
                 ("Household", "household"), ("Professional", "professional"),
                 ("Agency", "agency"), ("Plan", "plan"))


def kind_of(labels: list[str]) -> str:
    return next((kind for label, kind in KIND_BY_LABEL if label in labels), "other")


def node_attributes(record: dict, today: date) -> dict:
    props = {k: native(v) for k, v in record["props"].items()}
    kind = kind_of(record["labels"])
    if kind in ("child", "adult"):
        name = f"{props.get('given_name', '')} {props.get('family_name', '')}".strip()
        dob = props.get("dob")
        age = age_in_years(dob, today) if isinstance(dob, date) else None
        return {"kind": kind, "label": name, "name": name, "gender": props.get("gender"),
                "dob": dob, "age": age, "unborn": bool(props.get("unborn")),
                "expected_date": props.get("expected_date")}
    label = {"family": props.get("name"), "household": props.get("address"),
             "professional": props.get("name"), "agency": props.get("name"),
             "plan": props.get("type")}.get(kind) or record.get("id") or "?"
    extra = {k: props.get(k) for k in ("job_title", "phone", "email", "postcode", "address",
                                       "sensitive_role") if props.get(k)}
    if kind == "agency":
        extra["agency_type"] = props.get("type")
    return {"kind": kind, "label": str(label), "name": str(label), **extra}


def edge_attributes(record: dict) -> dict:
    props = {k: native(v) for k, v in record["props"].items()}
    return {"type": record["type"], "role": props.get("role"), "lead": bool(props.get("lead")),
            "ended": props.get("to"), "quality": props.get("quality"), "kind": props.get("kind"),
            "status": props.get("status")}


def build(nodes: list[dict], rels: list[dict], today: date | None = None) -> nx.MultiDiGraph:
    today = today or date.today()
    graph = nx.MultiDiGraph(family_id=None, family_name=None)
    for record in nodes:
        if record.get("id") and record["id"] not in graph:
            graph.add_node(record["id"], **node_attributes(record, today))
    for record in rels:
        if record["source"] in graph and record["target"] in graph:
            key = f"{record['type']}:{record['source']}:{record['target']}:{record['props'].get('id', '')}"
            if not graph.has_edge(record["source"], record["target"], key=key):
                graph.add_edge(record["source"], record["target"], key=key, **edge_attributes(record))
    return graph


def without_sensitive(graph: nx.MultiDiGraph, sensitive_professionals: set[str],
                      sensitive_agency_types: frozenset,
                      sensitive_roles: frozenset) -> nx.MultiDiGraph:
    """The graph less sensitive services: the given professionals (decided from their own
    mark and their agency in the database, even where the agency is not in this graph),
    professionals marked here or linked here to a sensitive agency, those agencies, and
    involvements in a sensitive role."""
    hidden = {n for n, d in graph.nodes(data=True)
              if d["kind"] == "agency" and d.get("agency_type") in sensitive_agency_types}
    hidden |= {n for n, d in graph.nodes(data=True)
               if d["kind"] == "professional" and (
                   n in sensitive_professionals or d.get("sensitive_role")
                   or any(agency in hidden for agency in graph.successors(n)))}
    kept = graph.copy()
    kept.remove_nodes_from(hidden)
    kept.remove_edges_from([(s, t, k) for s, t, k, d in kept.edges(keys=True, data=True)
                            if d["type"] == "INVOLVED_WITH" and d.get("role") in sensitive_roles])
    # A professional left with no line at all was there only through a hidden involvement.
    kept.remove_nodes_from([n for n, d in kept.nodes(data=True) if d["kind"] == "professional"
                            and kept.degree(n) == 0 and graph.degree(n) > 0])
    return kept


def professional_ids(graph: nx.MultiDiGraph) -> list[str]:
    return [n for n, d in graph.nodes(data=True) if d["kind"] == "professional"]


def spring_positions(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """A force-directed layout computed once on the server (same seed, same picture)."""
    if graph.number_of_nodes() == 0:
        return {}
    scale = 150 * math.sqrt(graph.number_of_nodes())
    layout = nx.spring_layout(nx.Graph(graph), seed=7, scale=scale,
                              iterations=50 if graph.number_of_nodes() < 500 else 20)
    return {node: (float(x), float(y)) for node, (x, y) in layout.items()}


VERBS = {
    "PARENT_OF": ("is a parent of", "is a child of"),
    "PARTNER_OF": ("is the partner of", "is the partner of"),
    "MEMBER_OF": ("is in", "includes"),
    "LIVES_AT": ("lives at", "is the home of"),
    "INVOLVED_WITH": ("works with", "is worked with by"),
    "WORKS_FOR": ("works for", "employs"),
}


def path_text(nodes: list[dict], rels: list[dict], today: date | None = None) -> str:
    """'Craig Walsh is a parent of Leo Walsh, who is in Bennett family.'"""
    today = today or date.today()
    names = [node_attributes(n, today)["label"] for n in nodes]
    text = names[0]
    for step, rel in enumerate(rels):
        forward = rel["source"] == nodes[step]["id"]
        verb = VERBS.get(rel["type"], (rel["type"].lower(), rel["type"].lower()))[0 if forward else 1]
        text += f"{' ' if step == 0 else ', who '}{verb} {names[step + 1]}"
    return text + "."
