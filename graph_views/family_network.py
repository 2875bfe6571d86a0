"""A family's network as a networkx graph: members, households, professionals, agencies.

Node keys are the model's ids; every node has `kind` (child, adult, household,
professional, agency) and `label`. Edges carry `type` (the relationship type of the graph
model) and their properties.
"""

from __future__ import annotations

from datetime import date

import networkx as nx

from graph_views.values import age_in_years, native

PERSON_KINDS = ("child", "adult")


def age_years(dob, today: date) -> int | None:
    dob = native(dob)
    return None if dob is None else age_in_years(dob, today)


def build(family: dict, ties: list[dict], involvements: list[dict], today: date) -> nx.MultiDiGraph:
    """The graph for one family. `family` is {id, name, members: [...]} with each member's
    current homes; `ties` are PARENT_OF / PARTNER_OF rows between members; `involvements`
    are the (already access-filtered) INVOLVED_WITH rows with professional and agency."""
    graph = nx.MultiDiGraph(family_id=family["id"], family_name=family["name"])
    for m in family["members"]:
        name = f"{m['given_name']} {m['family_name']}"
        graph.add_node(m["id"], kind=m["kind"], label=name, name=name, gender=m.get("gender"),
                       dob=native(m.get("dob")), age=age_years(m.get("dob"), today),
                       unborn=bool(m.get("unborn")), expected_date=native(m.get("expected_date")),
                       deceased=bool(m.get("deceased")), family_role=m.get("role"))
        for home in m.get("homes", []):
            if home["id"] not in graph:
                graph.add_node(home["id"], kind="household", label=home["address"],
                               address=home["address"], postcode=home["postcode"])
            graph.add_edge(m["id"], home["id"], key=f"lives:{m['id']}:{home['id']}",
                           type="LIVES_AT")
    for tie in ties:
        graph.add_edge(tie["source"], tie["target"], key=f"{tie['type']}:{tie['source']}:{tie['target']}",
                       type=tie["type"], kind=tie.get("kind"), status=tie.get("status"))
    for i in involvements:
        pro, agency = i["professional_id"], i.get("agency_id")
        if pro not in graph:
            graph.add_node(pro, kind="professional", label=i["professional_name"],
                           name=i["professional_name"], job_title=i.get("job_title"),
                           phone=i.get("phone"), email=i.get("email"),
                           agency_name=i.get("agency_name"), agency_type=i.get("agency_type"))
        if agency and agency not in graph:
            graph.add_node(agency, kind="agency", label=i["agency_name"], name=i["agency_name"],
                           agency_type=i.get("agency_type"))
        if agency and not graph.has_edge(pro, agency, key=f"works:{pro}"):
            graph.add_edge(pro, agency, key=f"works:{pro}", type="WORKS_FOR")
        graph.add_edge(pro, i["person_id"], key=i["involvement_id"], type="INVOLVED_WITH",
                       id=i["involvement_id"], role=i["role"], lead=bool(i.get("lead")),
                       since=native(i.get("since")), ended=native(i.get("ended")),
                       last_contact=native(i.get("last_contact")), quality=i.get("quality"),
                       ended_reason=i.get("ended_reason"), successor=i.get("successor_name"))
    _mark_ended_only(graph)
    return graph


def _mark_ended_only(graph: nx.MultiDiGraph) -> None:
    """A professional whose every involvement has ended is drawn only with ended ones."""
    for node, data in graph.nodes(data=True):
        if data["kind"] == "professional":
            involvements = [d for _, _, d in graph.out_edges(node, data=True)
                            if d["type"] == "INVOLVED_WITH"]
            data["ended_only"] = all(d["ended"] is not None for d in involvements)


def to_json(graph: nx.MultiDiGraph) -> dict:
    """The API's shape: {family, nodes: [{id, kind, label, ...}], edges: [{source, target,
    type, ...}]}, with dates as ISO strings."""
    def clean(values: dict) -> dict:
        return {k: (v.isoformat() if isinstance(v, date) else v)
                for k, v in values.items() if v is not None}

    nodes = [{"id": node, **clean(data)} for node, data in sorted(graph.nodes(data=True))]
    edges = [{"source": s, "target": t, **clean(data)}
             for s, t, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["type"]))]
    return {"family": {"id": graph.graph["family_id"], "name": graph.graph["family_name"]},
            "nodes": nodes, "edges": edges}
