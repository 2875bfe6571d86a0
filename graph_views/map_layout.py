"""The family map's layout, computed on the server so that it is the same every time and
cannot mislead:

- the family is a genogram block at the centre: one row per generation (grandparents,
  parents, children), partners side by side, each family's children in birth order (eldest
  on the left) under their parents, joined by the genogram's own lines (partnership line,
  a line down to a sibling line, a line down to each child) drawn in the gaps between rows;
- each professional is placed around the block near the people they work with, with the
  others of their agency, at a place where no box overlaps another and where the line to
  each of their people passes through no other box (straight, or curved round what is in
  the way, as vis-network draws its "curvedCW" / "curvedCCW" edges).

Sizes are in CSS pixels at scale 1: the map is shown at scale 1 (it scrolls rather than
shrinks), so labels keep their font size. A box's size is estimated from its label with a
generous character width: the browser tests check the real boxes, as vis-network draws them.
"""

from __future__ import annotations

import copy
import itertools
import math
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

FONT = 16
CHAR_W = 9.2  # wider than Arial's average at 16 px, so estimates err on the side of room
LINE_H = 20
SHAPE = 36  # a person's genogram shape (circle, square, diamond, triangle), in px
GAP_X = 48  # between two boxes of one row
ROW_GAP = 90  # between the bottom of a row and the top of the next: room for the lines
MARGIN = 14  # kept clear around every box (lines and other boxes)
ROUNDNESS = (0.0, 0.2, -0.2, 0.35, -0.35, 0.5, -0.5, 0.65, -0.65, 0.8, -0.8, 0.95, -0.95)
PERSON_KINDS = ("child", "adult")


@dataclass
class Box:
    x: float  # centre
    y: float
    w: float
    h: float

    def grown(self, by: float) -> Box:
        return Box(self.x, self.y, self.w + 2 * by, self.h + 2 * by)

    def overlaps(self, other: Box) -> bool:
        return abs(self.x - other.x) * 2 < self.w + other.w and \
            abs(self.y - other.y) * 2 < self.h + other.h

    def contains(self, x: float, y: float) -> bool:
        return abs(x - self.x) * 2 < self.w and abs(y - self.y) * 2 < self.h


@dataclass
class Layout:
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    boxes: dict[str, Box] = field(default_factory=dict)
    # Per INVOLVED_WITH edge (source, target, key): the vis-network "smooth" option.
    curves: dict[tuple, dict] = field(default_factory=dict)
    connectors: list[dict] = field(default_factory=list)  # genogram lines, drawn by map.js
    # The label under a person's shape: a line to the person ends at the shape, never
    # through the person's own name.
    labels: dict[str, Box] = field(default_factory=dict)
    # Professionals for whom no clear place was found (placed below all, lines straight).
    unplaced: list[str] = field(default_factory=list)


def text_lines(label: str) -> list[str]:
    return label.split("\n")


def box_size(kind: str, label: str) -> tuple[float, float]:
    """Width and height of a node with its label, as vis-network will draw it (estimated)."""
    lines = text_lines(label)
    text_w = max(len(line) for line in lines) * CHAR_W
    if kind in PERSON_KINDS:  # the shape, and the label under it
        return max(SHAPE, text_w), SHAPE + 6 + len(lines) * LINE_H
    return text_w + 2 * 10, len(lines) * LINE_H + 2 * 10  # a box with the label inside


# The genogram block ---------------------------------------------------------------------------

def _generations(graph: nx.MultiDiGraph, people: list[str]) -> dict[str, int]:
    """0 for the eldest generation shown. A child is one below its parents; partners share a
    row; anyone else in the family sits with the parents' generation."""
    gen = {p: (1 if graph.nodes[p]["kind"] == "child" else 0) for p in people}
    parent_links = [(a, b) for a, b, d in graph.edges(data=True)
                    if d["type"] == "PARENT_OF" and a in gen and b in gen]
    partner_links = [(a, b) for a, b, d in graph.edges(data=True)
                     if d["type"] == "PARTNER_OF" and a in gen and b in gen]
    for _ in range(len(people) + 1):
        changed = False
        for parent, child in parent_links:
            if gen[parent] > gen[child] - 1:
                gen[parent] = gen[child] - 1
                changed = True
            elif gen[child] < gen[parent] + 1 and graph.nodes[child]["kind"] == "adult":
                gen[child] = gen[parent] + 1
                changed = True
        for a, b in partner_links:
            low = min(gen[a], gen[b])
            if gen[a] != low or gen[b] != low:
                gen[a] = gen[b] = low
                changed = True
        if not changed:
            break
    lowest = min(gen.values(), default=0)
    return {p: g - lowest for p, g in gen.items()}


def _age_key(graph: nx.MultiDiGraph, person: str) -> tuple:
    data = graph.nodes[person]
    dob = data.get("dob")
    # Eldest first; the unborn last; then by name, for a stable order.
    return (data.get("unborn", False), dob is None, dob.toordinal() if dob else 0,
            data["label"], person)


def _parents(graph: nx.MultiDiGraph, child: str, row: set[str]) -> tuple[str, ...]:
    return tuple(sorted(a for a, _, d in graph.in_edges(child, data=True)
                        if d["type"] == "PARENT_OF" and a in row))


def _units(graph: nx.MultiDiGraph, row: list[str], co_parents: list[tuple[str, ...]]) -> list[list[str]]:
    """People of one row who sit together: partners, and the parents of one child, as a chain
    (a person with two partners between them)."""
    members = set(row)
    links = nx.Graph()
    links.add_nodes_from(row)
    for a, b, d in graph.edges(data=True):
        if d["type"] == "PARTNER_OF" and a in members and b in members:
            links.add_edge(a, b)
    for parents in co_parents:
        for a, b in itertools.pairwise(parents):
            links.add_edge(a, b)
    units = []
    for component in nx.connected_components(links):
        nodes = sorted(component, key=lambda p: (graph.nodes[p].get("gender") != "male", p))
        if len(nodes) > 2:
            # A chain when there is one (ex-partner, person, partner); else as they come.
            ends = [n for n in nodes if links.degree(n) == 1]
            if len(ends) == 2 and all(links.degree(n) <= 2 for n in nodes):
                nodes = list(nx.shortest_path(links, ends[0], ends[1]))
        units.append(nodes)
    return units


@dataclass
class _Row:
    people: list[str]
    y: float = 0.0
    height: float = 0.0


def _place_row(order: list[str], desired: dict[str, float], sizes: dict[str, tuple[float, float]],
               gap: float = GAP_X) -> dict[str, float]:
    """x for each in `order`, left to right, each as near its desired x as the one before
    allows (no overlap, `gap` apart)."""
    xs: dict[str, float] = {}
    right: float | None = None
    for person in order:
        w = sizes[person][0]
        earliest = -math.inf if right is None else right + gap + w / 2
        fallback = w / 2 if right is None else earliest
        x = max(desired.get(person, fallback), earliest)
        xs[person] = x
        right = x + w / 2
    return xs


def genogram(graph: nx.MultiDiGraph, sizes: dict[str, tuple[float, float]], layout: Layout) -> None:
    people = [n for n, d in graph.nodes(data=True) if d["kind"] in PERSON_KINDS]
    if not people:
        return
    gen = _generations(graph, people)
    rows = [_Row(sorted((p for p in people if gen[p] == g), key=lambda p: _age_key(graph, p)))
            for g in range(max(gen.values()) + 1)]

    # Order each row top-down: units of the row above in order, their children beneath.
    order: list[list[list[str]]] = []  # per row, its units in order
    previous: list[str] = []
    for row in rows:
        members = set(row.people)
        above = set(previous)
        co_parents = [_parents(graph, p, members) for p in row.people]  # (same-row parents: none)
        child_parents = {p: _parents(graph, p, above) for p in row.people}
        units = _units(graph, row.people, [c for c in co_parents if len(c) > 1])

        def unit_key(unit: list[str], child_parents=child_parents, previous=previous) -> tuple:
            rank = [previous.index(parent) for p in unit for parent in child_parents[p]]
            return (min(rank) if rank else math.inf, *_age_key(graph, unit[0]))
        units.sort(key=unit_key)
        # Within a unit of children of one family: eldest first.
        units = [sorted(u, key=lambda p: _age_key(graph, p)) if len(u) == 1 else u for u in units]
        # Children of the same parents, in birth order, next to each other.
        flat: list[list[str]] = []
        by_parents: dict[tuple, list[list[str]]] = defaultdict(list)
        for unit in units:
            key = child_parents[unit[0]] if len(unit) == 1 else ("unit", *unit)
            by_parents[key].append(unit)
        seen: set[tuple] = set()
        for unit in units:
            key = child_parents[unit[0]] if len(unit) == 1 else ("unit", *unit)
            if key in seen:
                continue
            seen.add(key)
            group = by_parents[key]
            if len(group) > 1:
                group = sorted(group, key=lambda u: _age_key(graph, u[0]))
            flat.extend(group)
        order.append(flat)
        previous = [p for unit in flat for p in unit]

    # y: rows one under the other, each as tall as its tallest box.
    y = 0.0
    for row in rows:
        row.height = max(sizes[p][1] for p in row.people)
        row.y = y + row.height / 2
        y += row.height + ROW_GAP

    # x: the lowest row packed, then each row above centred over its children.
    xs: dict[str, float] = {}
    for index in range(len(rows) - 1, -1, -1):
        sequence = [p for unit in order[index] for p in unit]
        desired: dict[str, float] = {}
        if index + 1 < len(rows):
            below = rows[index + 1].people
            for unit in order[index]:
                kids = [c for c in below if set(_parents(graph, c, set(unit))) & set(unit)]
                if kids:
                    centre = sum(xs[c] for c in kids) / len(kids)
                    span = sum(sizes[p][0] for p in unit) + GAP_X * (len(unit) - 1)
                    left = centre - span / 2
                    for p in unit:
                        desired[p] = left + sizes[p][0] / 2
                        left += sizes[p][0] + GAP_X
        xs.update(_place_row(sequence, desired, sizes))
    # Centre the block on x = 0.
    low = min(xs[p] - sizes[p][0] / 2 for p in people)
    high = max(xs[p] + sizes[p][0] / 2 for p in people)
    shift = (low + high) / 2
    for row in rows:
        for p in row.people:
            w, h = sizes[p]
            # A person's shape sits at the top of their box, the label under it: vis-network
            # places the node's centre at the shape's centre.
            top = row.y - row.height / 2
            layout.positions[p] = (xs[p] - shift, top + SHAPE / 2)
            layout.boxes[p] = Box(xs[p] - shift, top + h / 2, w, h)
            label_h = h - SHAPE - 2
            layout.labels[p] = Box(xs[p] - shift, top + SHAPE + 2 + label_h / 2, w, label_h)
    _genogram_lines(graph, rows, order, layout)


def _genogram_lines(graph: nx.MultiDiGraph, rows: list[_Row], order: list[list[list[str]]],
                    layout: Layout) -> None:
    """The genogram's own lines, in the gaps between boxes: partners' line between two
    shapes (one slash separated, two divorced), and the lines down to their children."""
    pos, boxes = layout.positions, layout.boxes
    for index, units in enumerate(order):
        levels: list[list[tuple[float, float]]] = []  # the sibling lines above the next row
        for unit in units:
            for a, b in itertools.pairwise(unit):
                status = _partner_status(graph, a, b)
                ya = pos[a][1]
                layout.connectors.append({
                    "kind": "partners" if status else "co_parents", "status": status,
                    "ends": [a, b],
                    "points": [[boxes[a].x + SHAPE / 2, ya], [boxes[b].x - SHAPE / 2, ya]]})
            if index + 1 >= len(rows):
                continue
            members = set(unit)
            kids = [c for c in rows[index + 1].people
                    if set(_parents(graph, c, members)) & members]
            row_top = rows[index + 1].y - rows[index + 1].height / 2
            # One descent and one sibling line per couple (or single parent): a mother's
            # children with two partners hang from two partnership lines.
            groups: dict[tuple, list[str]] = defaultdict(list)
            for child in kids:
                groups[tuple(sorted(_parents(graph, child, members), key=unit.index))].append(child)
            for parents_here, children in groups.items():
                _descent(graph, parents_here, children, row_top, levels, layout)


def _descent(graph: nx.MultiDiGraph, parents: tuple, kids: list[str], row_top: float,
             levels: list[list[tuple[float, float]]], layout: Layout) -> None:
    """The lines from a couple (from the middle of their partnership line, between their
    label boxes) or a single parent (from under their box) down to a sibling line, and
    from it down to each child (dashed when a parent is not a birth parent). A sibling
    line that would run along another couple's sits higher in the gap between the rows."""
    pos, boxes = layout.positions, layout.boxes
    if len(parents) > 1:
        left, right = parents[0], parents[-1]
        start_x = (boxes[left].x + SHAPE / 2 + boxes[right].x - SHAPE / 2) / 2
        start_y = pos[left][1]
    else:
        start_x = boxes[parents[0]].x
        start_y = boxes[parents[0]].y + boxes[parents[0]].h / 2
    xs = [boxes[c].x for c in kids]
    span = (min([*xs, start_x]), max([*xs, start_x]))
    level = next((n for n, taken in enumerate(levels)
                  if all(span[1] < a or span[0] > b for a, b in taken)), len(levels))
    if level == len(levels):
        levels.append([])
    levels[level].append(span)
    sibling_y = row_top - ROW_GAP / 2 - level * ROW_GAP / 6
    layout.connectors.append({"kind": "descent", "ends": list(parents), "points": [
        [start_x, start_y], [start_x, sibling_y]]})
    layout.connectors.append({"kind": "siblings", "ends": kids, "points": [
        [span[0], sibling_y], [span[1], sibling_y]]})
    for child in kids:
        kinds = {d.get("kind") or "birth" for a, _, d in graph.in_edges(child, data=True)
                 if d["type"] == "PARENT_OF" and a in parents}
        layout.connectors.append({
            "kind": "child", "parent_kind": "birth" if kinds == {"birth"} else
            sorted(kinds - {"birth"})[0], "ends": [child],
            "points": [[boxes[child].x, sibling_y], [boxes[child].x, row_top]]})


def _partner_status(graph: nx.MultiDiGraph, a: str, b: str) -> str | None:
    for x, y in ((a, b), (b, a)):
        for data in graph.get_edge_data(x, y, default={}).values():
            if data["type"] == "PARTNER_OF":
                return data.get("status") or "current"
    return None


# Professionals ----------------------------------------------------------------------------------

def _crosses(segments: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Whether each segment (ax, ay, bx, by) passes through the box (left, top, right,
    bottom) it is paired with, by Liang-Barsky clipping: the two arrays broadcast together
    (..., 4) and the answer has their shape without the last axis. Both axes at once: this
    runs thousands of times for one large family, on small arrays, so each numpy call
    counts more than the arithmetic."""
    a = segments[..., :2]
    d = segments[..., 2:] - a
    # A segment parallel to an axis is within the box's span on it throughout, or never: a
    # step too small to matter makes its entry and exit there -inf and inf, or both beyond 1.
    d = np.where(d == 0, _TINY, d)
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        t1 = (boxes[..., :2] - a) / d
        t2 = (boxes[..., 2:] - a) / d
    low = np.minimum(t1, t2).max(axis=-1)
    high = np.maximum(t1, t2).min(axis=-1)
    return (np.maximum(low, 0.0) <= np.minimum(high, 1.0))


_TINY = 1e-300


def _crossing_pairs(segments: np.ndarray, boxes: np.ndarray) -> tuple[tuple, np.ndarray]:
    """Which segments (..., 4) pass through which boxes (rows of m x 4): the index of each
    such segment and of its box. Only a segment and a box whose bounding boxes meet are
    clipped: most boxes are nowhere near most segments, and clipping every pair was most
    of the time a large family's map took."""
    left = np.minimum(segments[..., 0], segments[..., 2])[..., None]
    right = np.maximum(segments[..., 0], segments[..., 2])[..., None]
    top = np.minimum(segments[..., 1], segments[..., 3])[..., None]
    bottom = np.maximum(segments[..., 1], segments[..., 3])[..., None]
    near = ((left <= boxes[:, 2]) & (right >= boxes[:, 0]) &
            (top <= boxes[:, 3]) & (bottom >= boxes[:, 1]))
    *segment, box = np.nonzero(near)
    hit = _crosses(segments[tuple(segment)], boxes[box])
    return tuple(index[hit] for index in segment), box[hit]


def _lines_clear(lines: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """For lines of segments (..., segments, 4): whether each line keeps out of every box."""
    segment, _ = _crossing_pairs(lines, boxes)
    clear = np.ones(lines.shape[:-2], dtype=bool)
    clear[segment[:-1]] = False
    return clear


# The lines tried, in order: straight, then curves rounder and rounder, either way.
_CURVES: list[tuple[str, float]] = [("curvedCW" if r > 0 else "curvedCCW", abs(r))
                                    for r in ROUNDNESS[1:]]
_OPTIONS: list[dict] = [{"enabled": False}] + [
    {"enabled": True, "type": kind, "roundness": roundness} for kind, roundness in _CURVES]
# Eight segments follow a curve to within about a pixel (a quadratic's distance from its
# chords shrinks with the square of their number); every box is checked grown by MARGIN/2.
_T = np.linspace(0.0, 1.0, 9)
_SIGN = np.array([0.0] + [1.0 if kind == "curvedCW" else -1.0 for kind, _ in _CURVES])
_ROUND = np.array([0.0] + [roundness for _, roundness in _CURVES])


def _lines(starts: np.ndarray, end: tuple[float, float]) -> np.ndarray:
    """Every line of _OPTIONS from each start (n x 2) to `end`, as segments
    (n x options x 8 x 4): vis-network's quadratic curves, straight for the first."""
    x0, y0 = starts[:, 0:1], starts[:, 1:2]
    x1, y1 = end
    dx, dy = x1 - x0, y0 - y1
    radius = np.hypot(dx, dy)
    angle = np.mod(np.arctan2(dy, dx) + (0.5 * _SIGN * _ROUND + 0.5) * np.pi, 2 * np.pi)
    reach = (0.5 * _ROUND + 0.5) * radius
    via_x = np.where(_SIGN == 0, (x0 + x1) / 2, x0 + reach * np.sin(angle))
    via_y = np.where(_SIGN == 0, (y0 + y1) / 2, y0 + reach * np.cos(angle))
    t = _T
    xs = (1 - t) ** 2 * x0[..., None] + 2 * t * (1 - t) * via_x[..., None] + t * t * x1
    ys = (1 - t) ** 2 * y0[..., None] + 2 * t * (1 - t) * via_y[..., None] + t * t * y1
    segments = np.empty((*via_x.shape, len(t) - 1, 4))
    segments[..., 0], segments[..., 2] = xs[..., :-1], xs[..., 1:]
    segments[..., 1], segments[..., 3] = ys[..., :-1], ys[..., 1:]
    return segments


def box_array(boxes: list[Box]) -> np.ndarray:
    return np.array([[b.x - b.w / 2, b.y - b.h / 2, b.x + b.w / 2, b.y + b.h / 2]
                     for b in boxes], dtype=float).reshape(-1, 4)


def _candidates(block: Box, around: tuple[float, float], size: tuple[float, float],
                rings: int):
    """Places around the block, ring after ring outwards, each ring's nearest to `around`
    first: one array (n x 2) per ring, made only when the ring before has not served."""
    w, h = size
    for ring in range(rings):
        half_w = block.w / 2 + w / 2 + 70 + ring * 80
        half_h = block.h / 2 + h / 2 + 60 + ring * 70
        perimeter = 4 * (half_w + half_h)
        count = max(8, int(perimeter / 60))
        t = np.arange(count) / count * perimeter
        # Along the top, down the right, back along the bottom, up the left.
        corners = [0, 2 * half_w, 2 * half_w + 2 * half_h, 4 * half_w + 2 * half_h, perimeter]
        left, right = block.x - half_w, block.x + half_w
        top, bottom = block.y - half_h, block.y + half_h
        x = np.interp(t, corners, [left, right, right, left, left])
        y = np.interp(t, corners, [top, top, bottom, bottom, top])
        distance = np.hypot(x - around[0], y - around[1])
        order = np.lexsort((y, x, distance))
        yield np.stack([x[order], y[order]], axis=1)


def _block(layout: Layout) -> Box:
    """The box round the family's genogram (the people, placed first)."""
    people = [layout.boxes[p] for p in layout.labels]
    if not people:
        return Box(0, 0, 0, 0)
    left, top, width, height = around(people)
    return Box(left + width / 2, top + height / 2, width, height)


def professionals(graph: nx.MultiDiGraph, sizes: dict[str, tuple[float, float]],
                  layout: Layout) -> None:
    block = _block(layout)
    staff = [n for n, d in graph.nodes(data=True) if d["kind"] == "professional"]

    def targets(pro: str) -> list[tuple[str, str, str]]:
        return [(pro, person, key) for _, person, key, d in
                graph.out_edges(pro, keys=True, data=True)
                if d["type"] == "INVOLVED_WITH" and person in layout.boxes]

    def centroid(pro: str) -> tuple[float, float]:
        ends = [layout.boxes[t].x for _, t, _ in targets(pro)], \
            [layout.boxes[t].y for _, t, _ in targets(pro)]
        if not ends[0]:
            return block.x, block.y + block.h
        return sum(ends[0]) / len(ends[0]), sum(ends[1]) / len(ends[1])

    # Agencies together, each agency in the direction of the people its staff work with;
    # within an agency, by where their people are.
    def angle(point):
        return math.atan2(point[1] - block.y, point[0] - block.x)
    by_agency: dict[str, list[str]] = defaultdict(list)
    for pro in staff:
        by_agency[graph.nodes[pro].get("agency_name") or ""].append(pro)
    agencies = sorted(by_agency, key=lambda a: (
        angle(tuple(sum(c) / len(c) for c in zip(*[centroid(p) for p in by_agency[a]],
                                                      strict=True))), a))
    routes: list[np.ndarray] = []  # the lines placed so far, as segments
    for agency in agencies:
        placed: list[tuple[float, float]] = []
        for pro in sorted(by_agency[agency], key=lambda p: (angle(centroid(p)), p)):
            goal = centroid(pro)
            if placed:  # pull towards the agency's own
                gx, gy = (sum(x for x, _ in placed) / len(placed),
                          sum(y for _, y in placed) / len(placed))
                goal = ((goal[0] + 2 * gx) / 3, (goal[1] + 2 * gy) / 3)
            spot = _place_professional(pro, goal, block, sizes[pro], targets(pro), layout,
                                       routes)
            placed.append(spot)


def around(boxes: list[Box]) -> list[float]:
    left = min(b.x - b.w / 2 for b in boxes)
    right = max(b.x + b.w / 2 for b in boxes)
    top = min(b.y - b.h / 2 for b in boxes)
    bottom = max(b.y + b.h / 2 for b in boxes)
    return [left, top, right - left, bottom - top]


def _place_professional(pro, goal, block, size, edges, layout: Layout,
                        routes: list[np.ndarray]) -> tuple[float, float]:
    """The nearest place where the professional's box overlaps nothing, crosses no line
    already drawn, and from where a line reaches each of their people through no other
    box: first keeping clear of those people's names too, then (further out) only of
    everyone else's boxes."""
    names = list(layout.boxes)
    margin = MARGIN / 2
    placed = box_array([layout.boxes[n] for n in names])
    obstacles = placed + np.array([-margin, -margin, margin, margin])
    segments = np.concatenate(routes) if routes else np.zeros((0, 4))
    everyone_else = {person: obstacles[[i for i, n in enumerate(names) if n != person]]
                     for _, person, _ in edges}
    and_their_names = {person: np.vstack([blocked, box_array([layout.labels[person]
                                                              .grown(margin)])])
                       if person in layout.labels else blocked
                       for person, blocked in everyone_else.items()}
    for avoid, rings in ((and_their_names, STRICT_RINGS), (everyone_else, RINGS)):
        spot = _first_clear_spot(goal, block, size, edges, layout, placed, segments, avoid,
                                 rings)
        if spot is not None:
            x, y, chosen = spot
            break
    else:
        # Nowhere clear (not met in the families tried): below everything, with straight
        # lines; the browser tests would say so.
        x, y = block.x, max(b.y + b.h / 2 for b in layout.boxes.values()) + 200
        chosen = {edge: {"enabled": False} for edge in edges}
        layout.unplaced.append(pro)
    w, h = size
    layout.positions[pro] = (x, y)
    layout.boxes[pro] = Box(x, y, w, h)
    for (source, person, key), smooth in chosen.items():
        layout.curves[(source, person, key)] = smooth
        routes.append(route((x, y), layout.positions[person], smooth))
    return x, y


def route(start: tuple[float, float], end: tuple[float, float], smooth: dict) -> np.ndarray:
    """The segments of the one line drawn from start to end with this `smooth` option."""
    return _lines(np.array([start], dtype=float), end)[0, _OPTIONS.index(smooth)]


def _straight_clear(spots: np.ndarray, end: tuple[float, float],
                    obstacles: np.ndarray) -> np.ndarray:
    """For each spot, whether a straight line from it to `end` enters no obstacle."""
    straight = np.concatenate([spots, np.broadcast_to(end, spots.shape)], axis=1)
    return _lines_clear(straight[:, None, :], obstacles)


def _first_clear_curve(spots: np.ndarray, end: tuple[float, float],
                       obstacles: np.ndarray) -> np.ndarray:
    """For each spot, the first curve of _OPTIONS whose line to `end` enters no obstacle
    (its index in _OPTIONS), or -1."""
    curves = _lines(spots, end)[:, 1:]
    # Most lines that fail do so next to the person, where they converge: the last
    # segments, checked first, turn those away at a quarter of the cost.
    fits = _lines_clear(curves[:, :, -2:], obstacles)
    maybe = np.nonzero(fits)
    fits[maybe] = _lines_clear(curves[maybe][:, :-2], obstacles)
    return np.where(fits.any(axis=1), 1 + np.argmax(fits, axis=1), -1)


def _line_options(spots: np.ndarray, straight: np.ndarray,
                  ends: list) -> tuple[np.ndarray, np.ndarray]:
    """For each spot and each of its lines (to the `ends`: a person's place and what the
    line must keep out of), the first clear option of _OPTIONS (-1 where none); and
    whether every line of the spot has one. `straight` says where a straight line is
    clear; curves are worked out only where it is not, and not for spots turned away."""
    choice = np.where(straight, 0, -1)
    alive = np.ones(len(spots), dtype=bool)
    for column, (end, obstacles) in enumerate(ends):
        need = np.flatnonzero(alive & ~straight[:, column])
        if len(need):
            choice[need, column] = _first_clear_curve(spots[need], end, obstacles)
        alive &= choice[:, column] >= 0
    return choice, alive


def _free(spots: np.ndarray, size: tuple[float, float], placed: np.ndarray,
          segments: np.ndarray) -> np.ndarray:
    """The spots where the box overlaps no box placed and no line already drawn."""
    w, h = size
    x, y = spots[:, 0], spots[:, 1]
    if len(placed):
        spots = spots[~np.any((placed[None, :, 0] < (x + w / 2 + MARGIN)[:, None]) &
                              (placed[None, :, 2] > (x - w / 2 - MARGIN)[:, None]) &
                              (placed[None, :, 1] < (y + h / 2 + MARGIN)[:, None]) &
                              (placed[None, :, 3] > (y - h / 2 - MARGIN)[:, None]), axis=1)]
    if len(segments) and len(spots):
        margin = MARGIN / 2
        x, y = spots[:, 0], spots[:, 1]
        own = np.stack([x - w / 2 - margin, y - h / 2 - margin,
                        x + w / 2 + margin, y + h / 2 + margin], axis=1)
        _, crossed = _crossing_pairs(segments, own)
        spots = np.delete(spots, crossed, axis=0)
    return spots


# Lines keep clear of their people's names too within the first rings; further out, only
# of everyone else's boxes.
STRICT_RINGS, RINGS = 5, 24


def _first_clear_spot(goal, block, size, edges, layout: Layout, placed: np.ndarray,
                      segments: np.ndarray, avoid: dict[str, np.ndarray], rings: int):
    """The first free candidate, ring by ring, from where a line reaches each of the
    professional's people keeping out of `avoid`; each ring in a few array operations.
    Answers (x, y, {edge: the option of its line}), or None."""
    ends = [(layout.positions[person], avoid[person]) for _, person, _ in edges]
    for candidates in _candidates(block, goal, size, rings):
        spots = _free(candidates, size, placed, segments)
        if not len(spots):
            continue
        straight = np.ones((len(spots), len(ends)), dtype=bool)
        for column, (end, obstacles) in enumerate(ends):
            straight[:, column] = _straight_clear(spots, end, obstacles)
        # The first spot whose lines can all be straight is the answer unless one before it
        # can do with curves: no spot after it needs its curves worked out.
        sure = np.flatnonzero(straight.all(axis=1))
        if len(sure):
            spots, straight = spots[:sure[0] + 1], straight[:sure[0] + 1]
        choice, alive = _line_options(spots, straight, ends)
        if alive.any():
            first = int(np.argmax(alive))
            return (float(spots[first, 0]), float(spots[first, 1]),
                    {edge: dict(_OPTIONS[int(option)])
                     for edge, option in zip(edges, choice[first], strict=True)})
    return None


def with_marks(layout: Layout, marks: list[dict]) -> dict[str, dict]:
    """Places for marks drawn as professionals would be ({id, label, person}: a missing
    professional's placeholder), by the same rules, round a family already drawn. The
    family's own layout (shared by later views) is left as it was."""
    trial = copy.deepcopy(layout)
    routes = [route(trial.positions[source], trial.positions[person], smooth)
              for (source, person, _), smooth in trial.curves.items()]
    block = _block(trial)
    placed = {}
    for mark in marks:
        if mark["person"] not in trial.positions:
            continue
        edge = (mark["id"], mark["person"], "gap")
        x, y = _place_professional(mark["id"], trial.positions[mark["person"]], block,
                                   box_size("professional", mark["label"]), [edge], trial,
                                   routes)
        placed[mark["id"]] = {"x": round(x, 1), "y": round(y, 1), "smooth": trial.curves[edge]}
    return placed


def family_map(graph: nx.MultiDiGraph, labels: dict[str, str]) -> Layout:
    """The layout of the drawn nodes (people and professionals; households and agencies are
    drawn as marks and groups, not nodes)."""
    layout = Layout()
    sizes = {n: box_size(d["kind"], labels[n]) for n, d in graph.nodes(data=True)
             if n in labels}
    genogram(graph, sizes, layout)
    professionals(graph, sizes, layout)
    return layout
