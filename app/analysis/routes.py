import json

from flask import Response, abort, current_app, flash, render_template, request
from flask_login import current_user

from app import access
from app.analysis import ANALYSIS_ROLES, bp, console
from app.analysis import repository as analyses
from app.analysis.forms import ConsoleForm, parameter_values, saved_query_form
from app.audit import repository as audit
from app.csv_export import csv_response
from app.db import TookTooLong
from app.domain import SENSITIVE_AGENCY_TYPES, SENSITIVE_ROLES, SENSITIVE_SERVICE_ROLES
from app.errors import invalid_input
from app.input_guard import bounded_int_arg
from app.permissions import roles_required
from app.search import repository as search
from app.search.query import fulltext_query
from app.template_filters import format_date
from graph_views import export, layout, subgraph, vis
from graph_views.family_network import to_json

MAX_PATH_LENGTH = 10
DEFAULT_PATH_LENGTH = 6
EXPORT_FORMATS = ("graphml", "gexf", "json", "csv")


def _need_to_know(graph, sensitive_professionals: set[str] | None = None):
    """Analysts see the area, but not sensitive services: only those who may see them
    anywhere do (as on the family pages). The sensitivity rule is app/access.py's."""
    if graph is None or access.sees_sensitive_services(current_user):
        return graph
    if sensitive_professionals is None:
        sensitive_professionals = access.sensitive_professionals(subgraph.professional_ids(graph))
    return subgraph.without_sensitive(graph, sensitive_professionals,
                                      SENSITIVE_AGENCY_TYPES, SENSITIVE_ROLES)


def visible_paths(paths: list) -> list:
    """Paths that go through no sensitive service the user may not see."""
    if not paths or access.sees_sensitive_services(current_user):
        return paths
    hidden = access.sensitive_professionals(
        subgraph.professional_ids(analyses.paths_graph(paths)))
    return [p for p in paths
            if _need_to_know(analyses.paths_graph([p]), hidden).number_of_edges() == len(p.rels)]


def _export_format() -> str | None:
    """The `format` asked for, if any; one the service does not write is a bad request."""
    fmt = request.args.get("format")
    if fmt is not None and fmt not in EXPORT_FORMATS:
        abort(400)
    return fmt


def _picture(graph, centre: str | None = None):
    """vis-network data for an analysis graph: a computed layout, physics off. A
    neighbourhood is drawn in rings around its centre; anything else force-directed."""
    if graph is None or graph.number_of_nodes() == 0:
        return None
    if centre is not None and centre in graph:
        positions = layout.radial_positions(graph, centre)
    else:
        positions = subgraph.spring_positions(graph)
    return vis.vis_data(graph, positions)


def _export(graph, fmt: str, name: str):
    """The same graph as GraphML, GEXF, JSON or CSV (edges with both ends' names)."""
    audit.record("export", request.args.get("id") or request.args.get("from"), "allowed",
                 reason=f"{name} as {fmt}")
    filename = f'attachment; filename="{name}.{fmt}"'
    if fmt == "graphml":
        return Response(export.to_graphml(graph), mimetype="application/graphml+xml",
                        headers={"Content-Disposition": filename})
    if fmt == "gexf":
        return Response(export.to_gexf(graph), mimetype="application/xml",
                        headers={"Content-Disposition": filename})
    if fmt == "json":
        body = to_json(graph) | {"family": None}
        return Response(json.dumps(body, default=str), mimetype="application/json",
                        headers={"Content-Disposition": filename})
    return csv_response(
        ["source_id", "source", "type", "target_id", "target", "role"],
        ([source, graph.nodes[source]["label"], data["type"], target,
          graph.nodes[target]["label"], data.get("role") or ""]
         for source, target, data in graph.edges(data=True)),
        f"{name}.{fmt}")


@bp.get("")
@roles_required(*ANALYSIS_ROLES)
def index():
    return render_template("analysis/index.html",
                           console=access.sees_sensitive_services(current_user))


SUGGESTIONS = 10


@bp.post("/people.json")
@roles_required(*ANALYSIS_ROLES)
def suggest_people():
    """The people whose names match what an analyst is typing, for the pickers that fill in
    an id: a POST, so the name never sits in a URL or a log; audited as a search (not what
    was typed). {"name": "..."} -> {"people": [{id, name, born, families}]}."""
    typed = request.get_json(silent=True) or {}
    name = typed.get("name") if isinstance(typed, dict) else None
    if not isinstance(name, str) or len(name) > 100:
        return invalid_input({"name": ["Send the name typed so far, at most 100 characters"]})
    query = fulltext_query(name) if len(name.strip()) >= 2 else None
    people = search.people(query, None)[:SUGGESTIONS] if query else []
    audit.record("search", None, "allowed", reason="name picker")
    return {"people": [{"id": p.id, "name": f"{p.given_name} {p.family_name}",
                        "born": format_date(p.dob) or None,
                        "families": [f.name for f in p.families]} for p in people]}


def _unknown(**ids: str) -> str | None:
    """Says which of the ids given names nothing in the graph, or None."""
    for label, node_id in ids.items():
        if node_id and not analyses.exists(node_id):
            return f"No person or family has the id '{node_id}' ({label})"
    return None


@bp.get("/connections")
@roles_required(*ANALYSIS_ROLES)
def connections():
    """Shortest paths between two people or families (ids), drawn and told in words."""
    source, target = request.args.get("from", "").strip(), request.args.get("to", "").strip()
    max_length = bounded_int_arg("max", DEFAULT_PATH_LENGTH, 1, MAX_PATH_LENGTH)
    no_pros, no_ended = request.args.get("no_professionals") == "1", request.args.get("no_ended") == "1"
    fmt = _export_format()
    paths, error = None, _unknown(**{"from": source, "to": target})
    if source and target and error is None:
        audit.record("query", source, "allowed", reason=f"connections to {target}")
        try:
            paths = visible_paths(analyses.connections(source, target, max_length, no_pros,
                                                       no_ended))
        except TookTooLong:
            error = (f"The search stopped after {current_app.config['PATH_SECONDS']} seconds: "
                     "these two are far apart through busy professionals. Try fewer steps, "
                     "or leave professionals out")
        if fmt and paths:
            return _export(analyses.paths_graph(paths), fmt, "connections")
    elif (source or target) and error is None:
        error = "Enter both: from and to"
    return render_template(
        "analysis/connections.html", paths=paths, error=error, source=source, target=target,
        max_length=max_length, no_pros=no_pros, no_ended=no_ended,
        data=_picture(analyses.paths_graph(paths)) if paths else None)


@bp.get("/neighbourhood")
@roles_required(*ANALYSIS_ROLES)
def neighbourhood():
    """Everything within 1 to 3 steps of a person, family, professional or agency."""
    start = request.args.get("id", "").strip()
    hops, cap = bounded_int_arg("hops", 1, 1, 3), bounded_int_arg("cap", 300, 10, 2000)
    graph, capped, missing = None, False, False
    if start:
        audit.record("query", start, "allowed", reason=f"neighbourhood {hops} steps")
        graph, capped = analyses.neighbourhood(start, hops, cap)
        missing = graph is None
        graph = _need_to_know(graph)
        fmt = _export_format()
        if fmt and graph is not None:
            return _export(graph, fmt, "neighbourhood")
    return render_template("analysis/neighbourhood.html", start=start, hops=hops, cap=cap,
                           graph=graph, capped=capped, missing=missing,
                           data=_picture(graph, centre=start),
                           connectors=analyses.key_connectors(graph) if graph else [])


@bp.get("/measures")
@roles_required(*ANALYSIS_ROLES)
def measures():
    """Caseloads with outliers, adults in several families or households, and agencies'
    involvement by age band, as tables (and CSV)."""
    hide = not access.sees_sensitive_services(current_user)
    caseloads, outliers = analyses.caseloads(hide)
    adults = analyses.adults_in_several_families()
    bands = analyses.agencies_by_age_band(hide)
    download = request.args.get("download")
    tables = {"caseloads": caseloads, "adults": adults, "age_bands": bands}
    if download in tables:
        audit.record("export", None, "allowed", reason=f"measures {download} csv")
        rows = tables[download]
        columns = [c for c in rows[0] if c != "family_ids"] if rows else []
        return csv_response(columns, ([row[c] for c in columns] for row in rows),
                            f"{download}.csv")
    audit.record("query", None, "allowed", reason="measures")
    top = max((r["children"] for r in caseloads), default=0)
    return render_template("analysis/measures.html", caseloads=caseloads[:200],
                           outliers=outliers, adults=adults[:200], adults_total=len(adults),
                           bands=bands, top=top)


@bp.route("/saved", methods=["GET", "POST"])
@roles_required(*ANALYSIS_ROLES)
def saved():
    """The library of named, parameterised, read-only queries."""
    library = analyses.saved_queries()
    chosen = library.get(request.values.get("query", ""))
    form = saved_query_form(chosen) if chosen else None
    rows = None
    if chosen and form is not None and form.validate_on_submit():
        values = parameter_values(chosen, form)
        audit.record("query", None, "allowed",
                     reason=f"saved {chosen.name} {json.dumps(values, default=str)}")
        rows = analyses.run_saved(chosen, values,
                                  hide_sensitive=not access.sees_sensitive_services(current_user))
    return render_template("analysis/saved.html", library=library, chosen=chosen, rows=rows,
                           form=form, console=access.sees_sensitive_services(current_user),
                           own=analyses.own_queries(current_user.user_id)), \
        400 if form is not None and form.errors else 200


@bp.route("/console", methods=["GET", "POST"])
@roles_required(*SENSITIVE_SERVICE_ROLES)
def console_page():
    """Read-only Cypher over the whole graph. Raw queries cannot be held to the sensitivity
    rule, so the console is open only to those who may see sensitive services anyway.
    Each query's plan is checked before it runs (see plan_check); every query and its
    parameters are audited whole, whether it ran or was refused."""
    form = ConsoleForm()
    result = None
    if request.method == "GET" and request.args.get("saved"):
        own = analyses.own_query(current_user.user_id, request.args["saved"])
        if own is None:
            abort(404)
        form.query.data, form.params.data = own["text"], own["params"]
    if form.validate_on_submit():
        if form.save_as.data:
            analyses.save_own(current_user.user_id, form.save_as.data, form.query.data,
                              form.params.data)
            flash(f"Saved as “{form.save_as.data}”.", "success")
        result, error = _run_console(form.query.data, form.params.data, form.parameters())
        if error:
            form.query.errors = [error]
    failed = request.method == "POST" and bool(form.errors)
    return render_template("analysis/console.html", form=form, result=result,
                           row_limit=console.limits()[1],
                           timeout=console.limits()[0]), 400 if failed else 200


def _run_console(text: str, params_text: str, params: dict):
    """(result, error) of one console query, audited in full either way."""
    whole = json.dumps({"query": text, "params": params_text}, ensure_ascii=False)
    try:
        console.check(text, params)
    except console.ConsoleError as refusal:
        audit.record("query", None, "denied", reason="console", text=whole)
        return None, str(refusal)
    audit.record("query", None, "allowed", reason="console", text=whole)
    try:
        columns, rows, graph, truncated = console.run(text, params)
    except console.ConsoleError as failure:
        return None, str(failure)
    return {"columns": columns, "rows": rows, "truncated": truncated,
            "data": _picture(graph)}, None
