"""The ecomap layout: children at the centre, family around them, households beyond, then
professionals grouped by agency, and agencies on the outer ring. Positions are computed
(not simulated), so the picture is the same every time and appears at once."""

from __future__ import annotations

import math

import networkx as nx

RINGS = {"child": 80, "adult": 210, "household": 330, "professional": 470, "agency": 620}


def _ring(ids: list[str], radius: float, start: float = -math.pi / 2) -> dict[str, tuple[float, float]]:
    if not ids:
        return {}
    if len(ids) == 1 and radius == RINGS["child"]:
        return {ids[0]: (0.0, 0.0)}
    step = 2 * math.pi / len(ids)
    return {node: (radius * math.cos(start + n * step), radius * math.sin(start + n * step))
            for n, node in enumerate(ids)}


def _mean_angle(points: list[tuple[float, float]]) -> float:
    return math.atan2(sum(y for _, y in points), sum(x for x, _ in points) or 1e-9)


def ecomap_positions(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    by_kind: dict[str, list[str]] = {kind: [] for kind in RINGS}
    for node, data in graph.nodes(data=True):
        by_kind[data["kind"]].append(node)

    # Children oldest first, clockwise from the top (genograms put the eldest first).
    children = sorted(by_kind["child"], key=lambda n: (-(graph.nodes[n].get("age") or -1), n))
    positions = _ring(children, RINGS["child"])
    positions.update(_ring(sorted(by_kind["adult"]), RINGS["adult"]))

    # Households next to the people who live there.
    for household in sorted(by_kind["household"]):
        residents = [positions[p] for p in graph.predecessors(household) if p in positions]
        angle = _mean_angle(residents) if residents else 0.0
        positions[household] = (RINGS["household"] * math.cos(angle),
                                RINGS["household"] * math.sin(angle))

    # Professionals around the circle, grouped by agency; each agency outside its group.
    professionals = sorted(by_kind["professional"], key=lambda n: (
        graph.nodes[n].get("agency_type") or "", graph.nodes[n].get("agency_name") or "",
        graph.nodes[n]["label"], n))
    positions.update(_ring(professionals, RINGS["professional"]))
    for agency in sorted(by_kind["agency"]):
        staff = [positions[p] for p in graph.predecessors(agency) if p in positions]
        angle = _mean_angle(staff) if staff else 0.0
        positions[agency] = (RINGS["agency"] * math.cos(angle), RINGS["agency"] * math.sin(angle))
    return positions


def radial_positions(graph: nx.MultiDiGraph, centre: str) -> dict[str, tuple[float, float]]:
    """A neighbourhood in rings by distance from where the exploration started: the start
    in the middle, one step away on the first ring, and so on. Linear in the size of the
    graph, so a thousand nodes are placed at once (a force-directed layout takes seconds)."""
    distances = nx.single_source_shortest_path_length(nx.Graph(graph), centre)
    rings: dict[int, list[str]] = {}
    for node in graph.nodes:
        rings.setdefault(distances.get(node, max(distances.values(), default=0) + 1), []).append(node)
    positions: dict[str, tuple[float, float]] = {}
    radius = 0.0
    for distance in sorted(rings):
        members = sorted(rings[distance], key=lambda n: (graph.nodes[n]["kind"], n))
        if distance == 0:
            positions.update({node: (0.0, 0.0) for node in members})
            continue
        # Far enough out for the previous ring, and for this ring's nodes to sit 45 apart.
        radius = max(radius + 250, 45 * len(members) / (2 * math.pi))
        positions.update(_ring(members, radius))
    return positions
