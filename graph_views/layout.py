"""The neighbourhood explorer's layout: rings by distance from where the exploration
started. Positions are computed (not simulated), so the picture is the same every time and
appears at once. (The family map has its own: map_layout.)"""

from __future__ import annotations

import math

import networkx as nx


def _ring(ids: list[str], radius: float, start: float = -math.pi / 2) -> dict[str, tuple[float, float]]:
    if not ids:
        return {}
    step = 2 * math.pi / len(ids)
    return {node: (radius * math.cos(start + n * step), radius * math.sin(start + n * step))
            for n, node in enumerate(ids)}


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
