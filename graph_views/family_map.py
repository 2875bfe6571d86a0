"""What the family map draws: vis-network nodes for the people and the professionals, edges
for the involvements, and the overlays map.js draws itself (the genogram's lines, the
agencies' names, the key of households), all placed by map_layout.

The picture says everything in words as well as by shape and colour: a person's label has
their age (or "unborn") and their household's letter; a professional's has their role and
"LEAD"; households and agencies are named, not drawn as nodes that lines would run through.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from string import ascii_uppercase
from typing import Any

import networkx as nx

from graph_views import gap_marks, map_layout
from graph_views.vis import GENDER_SHAPES, NODE_STYLE

RoleLabel = Callable[[str], str]
LEAD_BORDER = "#0b0c0c"
OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": True,
                    "keyboard": {"enabled": True, "bindToWindow": False}, "multiselect": False,
                    "zoomView": True},
    "edges": {"smooth": False, "color": {"inherit": False}, "arrows": {"to": {"scaleFactor": 0.6}}},
    "nodes": {"borderWidth": 2, "font": {"size": map_layout.FONT, "face": "Arial"},
              "shapeProperties": {"interpolation": False}, "widthConstraint": False},
}


def households(graph: nx.MultiDiGraph) -> dict[str, dict]:
    """A letter for each household (the most lived-in first), for labels and the key."""
    homes = [n for n, d in graph.nodes(data=True) if d["kind"] == "household"]
    homes.sort(key=lambda h: (-graph.in_degree(h), graph.nodes[h]["label"], h))
    return {h: {"letter": ascii_uppercase[i % 26] + ("" if i < 26 else str(i // 26)),
                "address": graph.nodes[h].get("address"),
                "postcode": graph.nodes[h].get("postcode"),
                "residents": sorted(p for p, _ in graph.in_edges(h))}
            for i, h in enumerate(homes)}


def person_label(data: dict, home_letters: list[str]) -> str:
    if data.get("unborn"):
        second = "unborn"
        if data.get("expected_date"):
            second += f", due {data['expected_date']:%-d %b %Y}"
    else:
        age = data.get("age")
        second = f"{data['kind']}, {age}" if age is not None else data["kind"]
    lines = [data["label"], second]
    if data.get("deceased"):
        lines.append("died †")
    if home_letters:
        lines.append("Home " + ", ".join(home_letters))
    return "\n".join(lines)


def professional_label(graph: nx.MultiDiGraph, node: str, role_label: RoleLabel,
                       new: bool = False) -> str:
    data = graph.nodes[node]
    current = [d for _, _, d in graph.out_edges(node, data=True)
               if d["type"] == "INVOLVED_WITH" and d.get("ended") is None]
    shown = current or [d for _, _, d in graph.out_edges(node, data=True)
                        if d["type"] == "INVOLVED_WITH"]
    roles = sorted({role_label(d.get("role") or "other") for d in shown})
    second = "; ".join(roles) + (" · LEAD" if any(d.get("lead") for d in current) else "") \
        + (" · NEW" if new else "")
    lines = [data["label"], second]
    if data.get("agency_name"):
        lines.append(data["agency_name"])
    if not current:
        lines.append("(ended)")
    return "\n".join(lines)


def _edge_style(data: dict, smooth: dict | None) -> dict[str, Any]:
    style: dict[str, Any] = {"arrows": "to", "width": 2, "color": "#00703c",
                             "smooth": smooth or {"enabled": False}}
    quality = data.get("quality")
    if quality == "strong":
        style["width"] = 5
    elif quality == "tenuous":
        style["dashes"] = [3, 6]
    elif quality == "stressful":
        style.update(color="#d4351c", dashes=[10, 4, 2, 4])
    if data.get("ended") is not None:
        style.update(dashes=[4, 8], color="#b1b4b6", hidden=True, ended=True, width=2)
    return style


def _details(data: dict) -> dict:
    keep = ("kind", "name", "job_title", "phone", "email", "agency_name", "agency_type",
            "family_role", "age", "unborn", "gender")
    details = {k: data[k] for k in keep if data.get(k) not in (None, "")}
    for key in ("dob", "expected_date"):
        if isinstance(data.get(key), date):
            details[key] = data[key].isoformat()
    return details


_CACHE: OrderedDict[tuple, map_layout.Layout] = OrderedDict()
CACHE_SIZE = 2000
_CACHE_LOCK = threading.Lock()


def _layout(graph: nx.MultiDiGraph, labels: dict[str, str]) -> map_layout.Layout:
    """The layout depends only on what is drawn (labels, kinds, birth order, ties and
    involvements), so a family's layout is computed once until that changes: placing
    routed lines round a large family takes tens of milliseconds."""
    key = (tuple(sorted((n, labels[n], str(graph.nodes[n].get("dob")),
                         graph.nodes[n].get("gender")) for n in labels)),
           tuple(sorted((s, t, str(k), d["type"], str(d.get("kind")), str(d.get("status")))
                        for s, t, k, d in graph.edges(keys=True, data=True)
                        if d["type"] in ("PARENT_OF", "PARTNER_OF", "INVOLVED_WITH"))))
    with _CACHE_LOCK:
        layout = _CACHE.get(key)
        if layout is not None:
            _CACHE.move_to_end(key)
            return layout
    layout = map_layout.family_map(graph, labels)
    with _CACHE_LOCK:
        _CACHE[key] = layout
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return layout


def forget_layouts() -> None:
    """Empty the cache (the benchmark times a family's first view with it)."""
    with _CACHE_LOCK:
        _CACHE.clear()


def _labels(graph: nx.MultiDiGraph, role_label: RoleLabel,
            homes: dict[str, dict] | None = None, new: frozenset | set = frozenset()
            ) -> dict[str, str]:
    """The text of every drawn node: people and professionals."""
    letters: dict[str, list[str]] = {}
    for info in (households(graph) if homes is None else homes).values():
        for resident in info["residents"]:
            letters.setdefault(resident, []).append(info["letter"])
    labels: dict[str, str] = {}
    for node, data in graph.nodes(data=True):
        if data["kind"] in map_layout.PERSON_KINDS:
            labels[node] = person_label(data, sorted(letters.get(node, [])))
        elif data["kind"] == "professional":
            labels[node] = professional_label(graph, node, role_label, node in new)
    return labels


def _plain_role(role: str) -> str:
    return role.replace("_", " ").capitalize()


def map_data(graph: nx.MultiDiGraph, role_label: RoleLabel = _plain_role,
             new: frozenset | set = frozenset()) -> dict:
    """{nodes, edges, options, overlays} for map.js; `role_label` names an involvement's
    role as the pages do; professionals in `new` (joined since the last conference) say so."""
    homes = households(graph)
    labels = _labels(graph, role_label, homes, new)
    layout = _layout(graph, labels)

    nodes = []
    for node in sorted(labels):
        data = graph.nodes[node]
        x, y = layout.positions[node]
        style = dict(NODE_STYLE[data["kind"]])
        if data["kind"] in map_layout.PERSON_KINDS:
            style["shape"] = "triangle" if data.get("unborn") else \
                GENDER_SHAPES.get(data.get("gender") or "", "diamond")
            style["size"] = map_layout.SHAPE / 2
        else:
            style.update(margin=10)
            if "LEAD" in labels[node].split("\n")[1]:
                style.update(borderWidth=4, color={"background": "#cce2d8",
                                                   "border": LEAD_BORDER})
        nodes.append({"id": node, "label": labels[node], "x": round(x, 1), "y": round(y, 1),
                      "kind": data["kind"], "details": _details(data),
                      "ended_only": bool(data.get("ended_only")),
                      "hidden": bool(data.get("ended_only")),
                      "deceased": bool(data.get("deceased")), **style})
    edges = []
    for n, (source, target, key, data) in enumerate(sorted(
            graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))):
        if data["type"] != "INVOLVED_WITH" or target not in labels:
            continue
        edges.append({"id": f"e{n}", "from": source, "to": target, "type": data["type"],
                      "lead": bool(data.get("lead")),
                      **_edge_style(data, layout.curves.get((source, target, key)))})
    boxes = list(layout.boxes.values())
    bounds = map_layout.around(boxes) if boxes else [0, 0, 0, 0]
    return {"nodes": nodes, "edges": edges, "options": OPTIONS, "overlays": {
        "connectors": layout.connectors,
        "households": [{"letter": h["letter"], "address": h["address"],
                        "postcode": h["postcode"]} for h in homes.values()],
        "bounds": bounds,
    }}


def marks_data(graph: nx.MultiDiGraph, gaps: list[dict], role_label: RoleLabel = _plain_role,
               new: frozenset | set = frozenset()) -> dict:
    """The family's gaps as the map draws them: placeholders for missing professionals,
    placed round the family's (cached) layout, and the people to outline. `role_label` and
    `new` as the map was drawn with."""
    labels = _labels(graph, role_label, new=new)
    marks = gap_marks.placeholders(gaps, role_label)
    placed = map_layout.with_marks(_layout(graph, labels), marks)
    return {"placeholders": [{**mark, **placed[mark["id"]]} for mark in marks
                             if mark["id"] in placed],
            "outlined": [p for p in gap_marks.outlined(gaps) if p in labels]}


def genogram_data(graph: nx.MultiDiGraph) -> dict:
    """The family alone, as a genogram (no professionals): {nodes, edges, options,
    overlays}, drawn by the same map.js."""
    people = graph.subgraph([n for n, d in graph.nodes(data=True)
                             if d["kind"] in (*map_layout.PERSON_KINDS, "household")])
    return map_data(nx.MultiDiGraph(people))
