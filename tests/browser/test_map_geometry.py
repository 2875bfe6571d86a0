"""What a conference sees on the family map, measured in the browser with vis-network's own
boxes and lines: no two node boxes overlap, no line passes through a box it does not end
at, labels are at least 14 CSS px at the opening view, and the genogram's rules hold
(partners on one row, children one row below their parents)."""

from __future__ import annotations

import itertools

import pytest

from seed.demo import DEMO_SCENARIOS
from seed.synthetic_family import write_family
from tests.browser.test_map_in_browser import open_map_ready, sign_in
from tests.support.demo import load_demo
from tests.support.web import make_user

DEMO_FAMILIES = sorted({f for v in DEMO_SCENARIOS.values()
                        for f in (v if isinstance(v, tuple) else (v,))})

# Everything the map drew, as the browser has it: node boxes (label included), each visible
# edge as 41 points along the line vis-network draws, the genogram's lines, the scale.
DRAWN = """() => {
  const map = window.networkMap
  const net = map.network
  const visible = map.nodes.get({ filter: n => !n.hidden })
  const boxes = {}
  visible.forEach(n => { boxes[n.id] = net.getBoundingBox(n.id) })
  const positions = net.getPositions(visible.map(n => n.id))
  const edges = map.edges.get({ filter: e => !e.hidden }).map(e => {
    const edge = net.body.edges[e.id]
    const points = []
    for (let i = 0; i <= 40; i++) {
      const p = edge.edgeType.getPoint(i / 40)
      points.push([p.x, p.y])
    }
    return { from: e.from, to: e.to, points: points }
  })
  return { boxes: boxes, positions: positions, edges: edges,
           connectors: map.overlays ? map.overlays.connectors : [],
           kinds: Object.fromEntries(visible.map(n => [n.id, n.kind])),
           scale: net.getScale(), font: net.body.nodes[visible[0].id].options.font.size }
}"""


def _inside(point, box, slack=1.0) -> bool:
    x, y = point
    return box["left"] + slack < x < box["right"] - slack and \
        box["top"] + slack < y < box["bottom"] - slack


def _overlap(a, b) -> bool:
    return min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5 and \
        min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5


def _segment_points(points, steps=20):
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        for n in range(steps + 1):
            yield x0 + (x1 - x0) * n / steps, y0 + (y1 - y0) * n / steps


def problems(drawn) -> list[str]:
    """Every way the picture could mislead, in words (empty when there is none)."""
    found = []
    boxes = drawn["boxes"]
    ids = sorted(boxes)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if _overlap(boxes[a], boxes[b]):
                found.append(f"boxes overlap: {a} and {b}")
    for edge in drawn["edges"]:
        ends = {edge["from"], edge["to"]}
        for node, box in boxes.items():
            if node not in ends and any(_inside(p, box) for p in edge["points"]):
                found.append(f"line {edge['from']} -> {edge['to']} passes through {node}")
    for line in drawn["connectors"]:
        ends = set(line.get("ends", []))
        for node, box in boxes.items():
            if node not in ends and any(_inside(p, box) for p in _segment_points(line["points"])):
                found.append(f"genogram line {line['kind']} of {sorted(ends)} passes through {node}")
    return found


def genogram_problems(drawn) -> list[str]:
    """Partners on one row; each family's children on one row, below their parents."""
    found = []
    y = {node: p["y"] for node, p in drawn["positions"].items()}
    parents: list[str] = []
    for line in drawn["connectors"]:
        if line["kind"] == "partners":
            a, b = line["ends"]
            if abs(y[a] - y[b]) > 0.5:
                found.append(f"partners {a} and {b} are not on one row")
        elif line["kind"] == "descent":
            parents = line["ends"]
            if len({round(y[p]) for p in parents}) != 1:
                found.append(f"parents {parents} are not on one row")
        elif line["kind"] == "siblings":
            kids = line["ends"]
            if len({round(y[k]) for k in kids}) != 1:
                found.append(f"children {kids} are not on one row")
            if min(y[k] for k in kids) <= max(y[p] for p in parents):
                found.append(f"children {kids} are not below their parents {parents}")
    return found


def open_map(page, base, family_id, width=1920, height=1080):
    """The map as drawn once the family's gaps are on it too."""
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{base}/families/{family_id}/map")
    open_map_ready(page)
    page.wait_for_selector("#gaps-panel[data-loaded=true]", timeout=15000)
    return page.evaluate(DRAWN)


@pytest.fixture
def coordinator(app, live_server, page):
    user = make_user(app, "coordinator")
    sign_in(page, live_server, user["email"], user["password"])
    return page


def test_no_demo_family_map_misleads(app, db, live_server, coordinator):
    load_demo(app, "demo password here")
    for family_id in DEMO_FAMILIES:
        drawn = open_map(coordinator, live_server, family_id)
        assert problems(drawn) == [], family_id
        assert genogram_problems(drawn) == [], family_id
        assert drawn["font"] * drawn["scale"] >= 14, family_id
    coordinator.watch.assert_clean()


@pytest.mark.parametrize("nodes", [5, 15, 30, 60])
def test_no_generated_family_map_misleads(app, db, live_server, coordinator, nodes):
    write_family(db, "syn", nodes)
    drawn = open_map(coordinator, live_server, "syn")
    assert len(drawn["boxes"]) >= nodes * 0.8
    assert problems(drawn) == []
    assert genogram_problems(drawn) == []


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_labels_are_readable_on_a_meeting_room_screen(app, db, live_server, coordinator,
                                                      width, height):
    write_family(db, "syn", 40)
    drawn = open_map(coordinator, live_server, "syn", width, height)
    assert drawn["font"] * drawn["scale"] >= 14


def test_the_checks_see_a_misleading_picture(app, db, live_server, coordinator):
    """The same checks, on a picture spoilt on purpose, find what is wrong: they can fail."""
    write_family(db, "syn", 15)
    drawn = open_map(coordinator, live_server, "syn")
    person, other = "syn-mum", "syn-dad"
    coordinator.evaluate("""([a, b]) => {
      const net = window.networkMap.network
      const p = net.getPositions([b])[b]
      net.moveNode(a, p.x + 10, p.y)
    }""", [person, other])
    spoilt = coordinator.evaluate(DRAWN)
    assert f"boxes overlap: {min(person, other)} and {max(person, other)}" in problems(spoilt)
    # A professional put so that their straight line runs through someone else.
    edge = drawn["edges"][0]
    bystander = next(n for n, kind in drawn["kinds"].items()
                     if kind in ("child", "adult") and n not in (edge["to"], person))
    coordinator.evaluate("""([pro, target, other]) => {
      const map = window.networkMap
      const at = map.network.getPositions([target, other])
      const t = at[target]
      const o = at[other]
      map.edges.update(map.edges.get({ filter: e => e.from === pro }).map(e => (
        { id: e.id, smooth: { enabled: false } })))
      map.network.moveNode(pro, o.x + (o.x - t.x), o.y + (o.y - t.y))
    }""", [edge["from"], edge["to"], bystander])
    assert f"line {edge['from']} -> {edge['to']} passes through {bystander}" in \
        problems(coordinator.evaluate(DRAWN))


def test_a_missing_professional_is_drawn_where_they_should_be(app, db, live_server, coordinator):
    load_demo(app, "demo password here")
    family = DEMO_SCENARIOS["baby_without_health_visitor"]
    drawn = open_map(coordinator, live_server, family)
    gaps = {n: kind for n, kind in drawn["kinds"].items() if kind == "gap"}
    assert gaps, "a placeholder is drawn"
    labels = coordinator.evaluate("window.networkMap.nodes.get({filter: n => n.kind === 'gap'})"
                                  ".map(n => [n.id, n.label])")
    assert any(label.startswith("No health visitor") for _, label in labels)
    lines = [e for e in drawn["edges"] if e["from"] in gaps]
    assert lines and all(drawn["kinds"][e["to"]] in ("child", "adult") for e in lines)
    assert problems(drawn) == []
    unseen = DEMO_SCENARIOS["sibling_unknown_to_anyone"]
    open_map(coordinator, live_server, unseen)
    outlined = coordinator.evaluate("window.networkMap.nodes.get({filter: n => "
                                    "n.color && n.color.border === '#d4351c'}).map(n => n.kind)")
    assert "child" in outlined


def test_the_map_is_reached_by_keyboard(app, db, live_server, coordinator):
    load_demo(app, "demo password here")
    open_map(coordinator, live_server, "demo-fam-price")
    coordinator.focus("#map-node-list")
    coordinator.keyboard.press("ArrowDown")
    coordinator.keyboard.press("ArrowDown")
    chosen = coordinator.get_attribute("#map-node-list [aria-selected=true]", "data-node")
    assert coordinator.evaluate("window.networkMap.network.getSelectedNodes()") == [chosen]
    coordinator.keyboard.press("Enter")
    name = coordinator.evaluate(f"window.networkMap.nodes.get({chosen!r}).details.name")
    assert name in coordinator.inner_text("#node-panel-body")
    # Zoom buttons are buttons: a keyboard reaches and presses them.
    before = coordinator.evaluate("window.networkMap.network.getScale()")
    coordinator.get_by_role("button", name="Zoom in").press("Enter")
    assert coordinator.evaluate("window.networkMap.network.getScale()") > before
    coordinator.watch.assert_clean()


def test_the_genogram_on_its_own(app, db, live_server, coordinator):
    write_family(db, "syn", 30)
    coordinator.set_viewport_size({"width": 1366, "height": 768})
    coordinator.goto(f"{live_server}/families/syn/genogram")
    open_map_ready(coordinator)
    drawn = coordinator.evaluate(DRAWN)
    assert set(drawn["kinds"].values()) == {"child", "adult"}
    generations = {round(p["y"]) for p in drawn["positions"].values()}
    assert len(generations) == 3  # grandparents, parents, children
    assert problems(drawn) == [] and genogram_problems(drawn) == []
    assert drawn["font"] * drawn["scale"] >= 14
    coordinator.watch.assert_clean()
