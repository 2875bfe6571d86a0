"""The analyses, each a named read-only query (or several), turned into graphs and tables."""

from __future__ import annotations

import re
import statistics
import uuid
from dataclasses import dataclass
from datetime import date

import networkx as nx
from flask import current_app
from sqlalchemy import insert, select

from app import access
from app.extensions import get_db
from app.store import get_store
from app.store.engine import utcnow
from app.store.tables import saved_queries as saved_query_table
from graph_views import subgraph

NEIGHBOURHOOD_STEP_LIMIT = 5000
MAX_PARAM_INT = 1_000_000_000


@dataclass
class Path:
    nodes: list[dict]
    rels: list[dict]

    @property
    def text(self) -> str:
        return subgraph.path_text(self.nodes, self.rels)


def connections(source: str, target: str, max_length: int, exclude_professionals: bool,
                exclude_ended: bool) -> list[Path]:
    name = "analysis/paths_family_links_only" if exclude_professionals else "analysis/paths"
    # Between two people far apart through busy professionals, the search can meet most of
    # the area: the server stops it at the limit, and the page says so.
    rows = get_db().read_within(current_app.config["PATH_SECONDS"], name, **{
        "from": source, "to": target, "max": max_length, "exclude_ended": exclude_ended})
    return [Path(row["nodes"], row["rels"]) for row in rows]


def paths_graph(paths: list[Path]) -> nx.MultiDiGraph:
    return subgraph.build([n for p in paths for n in p.nodes], [r for p in paths for r in p.rels])


def exists(node_id: str) -> bool:
    """Whether a person, family, professional, agency or home has this id."""
    return bool(get_db().read("analysis/start_node", id=node_id))


def neighbourhood(start_id: str, hops: int, cap: int) -> tuple[nx.MultiDiGraph | None, bool]:
    """Breadth first from one node, `hops` steps, at most `cap` nodes.
    Returns (graph, whether the cap was hit) or (None, False) for an unknown id."""
    db = get_db()
    rows = db.read("analysis/start_node", id=start_id)
    if not rows:
        return None, False
    start = db.read("analysis/nodes_by_element_id", element_ids=[rows[0]["element_id"]])
    nodes = {start[0]["element_id"]: start[0]}
    rels: list[dict] = []
    frontier, capped = [start[0]["element_id"]], False
    for _ in range(hops):
        found = db.read("analysis/neighbours", element_ids=frontier, limit=NEIGHBOURHOOD_STEP_LIMIT)
        next_frontier = []
        for row in found:
            node = row["node"]
            if node["element_id"] not in nodes:
                if len(nodes) >= cap:
                    capped = True
                    continue
                nodes[node["element_id"]] = node
                next_frontier.append(node["element_id"])
            rels.append(row)
        capped = capped or len(found) >= NEIGHBOURHOOD_STEP_LIMIT
        frontier = next_frontier
        if not frontier:
            break
    return subgraph.build(list(nodes.values()), rels), capped


def key_connectors(graph: nx.MultiDiGraph, limit: int = 15) -> list[tuple[str, dict, float]]:
    """The people and professionals whose removal would most disconnect this piece of the
    network: articulation points, ranked by betweenness centrality."""
    simple = nx.Graph(graph)
    cut_points = set(nx.articulation_points(simple)) if simple.number_of_nodes() > 2 else set()
    if not cut_points:
        return []
    # Sampled betweenness (50 sources) ranks the cut points well enough, in a fraction of
    # the time of the exact measure on a thousand nodes.
    betweenness = nx.betweenness_centrality(simple, k=min(50, simple.number_of_nodes()), seed=7)
    ranked = sorted(cut_points, key=lambda n: -betweenness[n])
    return [(node, graph.nodes[node], betweenness[node]) for node in ranked
            if graph.nodes[node]["kind"] in ("adult", "child", "professional")][:limit]


def _sensitivity(hide_sensitive: bool) -> dict:
    """The parameters with which a query applies the sensitivity rule (app/access.py)."""
    return {"hide_sensitive": hide_sensitive, **access.sensitivity_params()}


def caseloads(hide_sensitive: bool) -> tuple[list[dict], float]:
    """Caseloads, each flagged when it is an outlier for its agency type (above the upper
    quartile plus 1.5 times the interquartile range, Tukey's fence)."""
    rows = get_db().read("analysis/caseloads", **_sensitivity(hide_sensitive))
    by_type: dict[str, list[int]] = {}
    for row in rows:
        by_type.setdefault(row["agency_type"] or "", []).append(row["children"])
    fences = {}
    for agency_type, counts in by_type.items():
        if len(counts) >= 4:
            q1, _, q3 = statistics.quantiles(counts, n=4)
            fences[agency_type] = q3 + 1.5 * (q3 - q1)
    for row in rows:
        fence = fences.get(row["agency_type"] or "")
        row["outlier"] = fence is not None and row["children"] > fence
    return rows, len([r for r in rows if r["outlier"]])


def adults_in_several_families() -> list[dict]:
    return get_db().read("analysis/adults_in_several_families")


def agencies_by_age_band(hide_sensitive: bool) -> list[dict]:
    return get_db().read("analysis/agencies_by_age_band", today=date.today(),
                         **_sensitivity(hide_sensitive))


# Saved queries ----------------------------------------------------------------------------

@dataclass
class Param:
    name: str
    kind: str  # int, text or choice
    default: str | None
    choices: tuple[str, ...] = ()

    def parse(self, raw: str | None):
        value = (raw if raw not in (None, "") else self.default)
        if value in (None, ""):
            raise ValueError(f"{self.name}: enter a value")
        if self.kind == "int":
            try:
                number = int(value)
            except ValueError:
                raise ValueError(f"{self.name}: enter a whole number") from None
            if not 0 <= number <= MAX_PARAM_INT:
                raise ValueError(f"{self.name}: enter a whole number from 0 to {MAX_PARAM_INT:,}")
            return number
        if self.kind == "choice" and value not in self.choices:
            raise ValueError(f"{self.name}: choose one of {', '.join(self.choices)}")
        return value


@dataclass
class SavedQuery:
    name: str
    title: str
    params: list[Param]


PARAM_LINE = re.compile(r"//\s*param\s+(\w+):\s*(int|text|choice\(([^)]*)\))(?:\s*=\s*(\S+))?")


def saved_queries() -> dict[str, SavedQuery]:
    """The library in cypher/analysis/saved/: title and typed parameters from the header."""
    library = {}
    for name, query in sorted(get_db().queries.items()):
        if not name.startswith("analysis/saved/"):
            continue
        lines = query.text.splitlines()
        title = lines[0].split(":", 1)[1].strip() if ":" in lines[0] else name
        params = []
        for line in lines:
            match = PARAM_LINE.match(line.strip())
            if match:
                kind = "choice" if match.group(3) is not None else match.group(2)
                choices = tuple(c.strip() for c in (match.group(3) or "").split(",") if c.strip())
                params.append(Param(match.group(1), kind, match.group(4), choices))
        library[name.removeprefix("analysis/saved/")] = SavedQuery(name, title, params)
    return library


def run_saved(query: SavedQuery, values: dict, hide_sensitive: bool) -> list[dict]:
    """Every saved query takes the sensitivity rule's parameters and applies it."""
    return get_db().read(query.name, **values, **_sensitivity(hide_sensitive))


def save_own(user_id: str, title: str, text: str, params: str) -> str:
    """An analyst's own console query, kept in the app's store (not the graph, where the
    console itself could read other analysts' queries)."""
    query_id = str(uuid.uuid4())
    with get_store().begin() as connection:
        connection.execute(insert(saved_query_table).values(
            id=query_id, user_id=user_id, title=title, text=text, params=params,
            created_at=utcnow()))
    return query_id


def own_queries(user_id: str) -> list[dict]:
    with get_store().reading() as connection:
        return [dict(row._mapping) for row in connection.execute(
            select(saved_query_table.c.id, saved_query_table.c.title, saved_query_table.c.created_at)
            .where(saved_query_table.c.user_id == user_id)
            .order_by(saved_query_table.c.created_at.desc()))]


def own_query(user_id: str, query_id: str) -> dict | None:
    with get_store().reading() as connection:
        row = connection.execute(
            select(saved_query_table.c.title, saved_query_table.c.text, saved_query_table.c.params)
            .where(saved_query_table.c.id == query_id, saved_query_table.c.user_id == user_id)).first()
    return dict(row._mapping) if row else None
