"""vis-network data for a family network, built with pyvis (nodes, edges, options).

pyvis' own HTML templates load scripts from CDNs, so only its data model is used here; the
page renders the data with the app's own template and locally served vis-network. Labels
are drawn on a canvas as plain text, and tooltips and the side panel are built in the
browser with textContent, so names are never interpreted as HTML.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx
from pyvis.network import Network

# Colour is never the only cue: each kind also has its own shape and a text label.
NODE_STYLE: dict[str, dict[str, Any]] = {
    "child": {"color": {"background": "#d2e2f1", "border": "#1d70b8"}, "size": 26},
    "adult": {"color": {"background": "#dbd5e9", "border": "#4c2c92"}, "size": 20},
    "household": {"color": {"background": "#e5e6e7", "border": "#505a5f"}, "shape": "hexagon",
                  "size": 16},
    "professional": {"color": {"background": "#cce2d8", "border": "#00703c"}, "shape": "box"},
    "agency": {"color": {"background": "#fcd6c3", "border": "#f47738"}, "shape": "ellipse"},
    "family": {"color": {"background": "#fff7bf", "border": "#b58800"}, "shape": "star",
               "size": 22},
    "plan": {"color": {"background": "#f3f2f1", "border": "#0b0c0c"}, "shape": "square",
             "size": 12},
    "other": {"color": {"background": "#ffffff", "border": "#505a5f"}, "shape": "dot"},
}
# Genogram shapes: square male, circle female, diamond otherwise, triangle unborn.
GENDER_SHAPES = {"male": "square", "female": "dot"}
OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": True,
                    "keyboard": {"enabled": True, "bindToWindow": False}, "multiselect": False},
    "edges": {"smooth": False, "font": {"size": 13, "align": "middle", "strokeWidth": 4},
              "color": {"inherit": False}},
    "nodes": {"borderWidth": 2, "font": {"size": 16, "face": "Arial", "multi": False},
              "shapeProperties": {"interpolation": False}},
}


def _text(value) -> str:
    return value.replace("_", " ") if isinstance(value, str) else ""


def node_label(data: dict) -> str:
    kind = data["kind"]
    if kind in ("child", "adult"):
        if data.get("unborn"):
            second = "unborn child"
        else:
            age = data.get("age")
            second = f"{kind}, {age}" if age is not None else kind
        if data.get("deceased"):
            second += ", deceased †"
        return f"{data['label']}\n({second})"
    if kind == "professional":
        return f"{data['label']}\n{data.get('job_title') or 'professional'}"
    if kind in ("household", "family", "plan", "agency"):
        return f"{data['label']}\n({kind})"
    return data["label"]


def _node_shape(data: dict) -> str | None:
    if data["kind"] not in ("child", "adult"):
        return None
    if data.get("unborn"):
        return "triangle"
    return GENDER_SHAPES.get(data.get("gender") or "", "diamond")


def _edge_style(data: dict) -> dict[str, Any]:
    kind = data["type"]
    if kind == "INVOLVED_WITH":
        style: dict[str, Any] = {"label": _text(data["role"]) + (" (lead)" if data["lead"] else ""),
                 "arrows": "to", "width": 4 if data["lead"] else 2, "color": "#00703c"}
        quality = data.get("quality")
        if quality == "strong":
            style["width"] += 2
        elif quality == "tenuous":
            style["dashes"] = [3, 6]
        elif quality == "stressful":
            style.update(color="#d4351c", dashes=[10, 4, 2, 4])
            style["label"] += " ≈ stressful"
        if data.get("ended") is not None:
            style.update(dashes=[4, 8], color="#b1b4b6", hidden=True, ended=True,
                         label=style["label"] + " (ended)")
        return style
    if kind == "PARENT_OF":
        style = {"arrows": "to", "color": "#383f43", "width": 2}
        if data.get("kind") and data["kind"] != "birth":
            style.update(label=_text(data["kind"]), dashes=[6, 4])
        return style
    if kind == "PARTNER_OF":
        style = {"color": "#383f43", "width": 2, "label": _text(data.get("status")), "arrows": ""}
        if data.get("status") == "separated":
            style["label"] = "/ separated"
        elif data.get("status") == "divorced":
            style["label"] = "// divorced"
        return style
    if kind == "LIVES_AT":
        return {"color": "#b1b4b6", "width": 1, "dashes": [2, 4], "arrows": ""}
    return {"color": "#b1b4b6", "width": 1, "arrows": ""}  # WORKS_FOR


def _details(data: dict) -> dict:
    """Facts for the tooltip and side panel (plain values; the browser shows them as text)."""
    keep = ("kind", "name", "job_title", "phone", "email", "agency_name", "agency_type",
            "address", "postcode", "family_role", "age", "unborn", "gender")
    details = {k: data[k] for k in keep if data.get(k) not in (None, "")}
    for key in ("dob", "expected_date"):
        if isinstance(data.get(key), date):  # dates as ISO text, for the JSON block
            details[key] = data[key].isoformat()
    return details


def vis_data(graph: nx.MultiDiGraph, positions: dict[str, tuple[float, float]]) -> dict:
    """{nodes, edges, options} for vis-network, with positions fixed by the ecomap layout."""
    net = Network(directed=True)
    for node, data in sorted(graph.nodes(data=True)):
        x, y = positions[node]
        style = dict(NODE_STYLE[data["kind"]])
        shape = _node_shape(data)
        if shape:
            style["shape"] = shape
        net.add_node(node, label=node_label(data), x=round(x, 1), y=round(y, 1),
                     kind=data["kind"], details=_details(data),
                     ended_only=bool(data.get("ended_only")), hidden=bool(data.get("ended_only")),
                     **style)
    for n, (source, target, data) in enumerate(sorted(
            graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["type"]))):
        net.add_edge(source, target, id=f"e{n}", type=data["type"], **_edge_style(data))
    nodes, edges, *_ = net.get_network_data()
    return {"nodes": nodes, "edges": edges, "options": OPTIONS}

