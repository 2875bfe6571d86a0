from datetime import UTC, date, datetime
from itertools import groupby

from flask import Response, abort, g, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from app import access, present
from app import break_glass as grants
from app.api.gaps import gap_json
from app.audit import repository as audit
from app.directory import repository as directory
from app.domain import PLAN_TYPES, TEAM_EDITORS
from app.families import bp, history, network
from app.families import repository as families
from app.families.forms import BreakGlassForm, MapTimeForm
from app.gaps import repository as gaps_repo
from app.input_guard import bounded_int_arg, chosen_filters
from app.permissions import family_access, family_break_glass, roles_required
from graph_views import export, family_map, family_network

PAGE_SIZE = 50


@bp.get("")
@roles_required("coordinator")
def family_list():
    """Every family in name order, a page at a time, filtered by a plan open today, an
    agency working with the family and its open gaps (as last checked). Names are not a
    filter: they would sit in the address; the search finds a family by name (POST)."""
    agencies = directory.agency_filter()
    filters = chosen_filters({"plan": {"any", *PLAN_TYPES},
                              "agency": agencies,
                              "gaps": families.GAP_FILTERS})
    page = bounded_int_arg("page", 1, 1, 100_000)
    today = date.today()
    # One more than a page: whether there is a next page, without counting every match.
    rows = families.family_list(today, access.sees_sensitive_services(current_user),
                                filters.get("plan"), filters.get("agency"), filters.get("gaps"),
                                skip=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE + 1)
    audit.record("open_page", None, "allowed", reason="families")
    return render_template(
        "families/list.html", rows=rows[:PAGE_SIZE], more=len(rows) > PAGE_SIZE, page=page,
        filters=filters, total=None if filters else families.family_count(), today=today,
        agency_options=agencies.filter_options(filters.get("agency")), plan_types=PLAN_TYPES,
        gap_choices=[(value, text) for value, (text, _) in families.GAP_FILTERS.items()])


@bp.get("/<family_id>")
@family_access("view_family")
def family(family_id: str):
    record = families.family(family_id)
    if record is None:  # deleted since the access decision
        abort(404)
    family_name, members = record
    involvements = access.visible_involvements(current_user, g.access, families.team(family_id))
    current = [i for i in involvements if i.ended is None]
    ended = [i for i in involvements if i.ended is not None]
    by_agency = [(agency, list(rows)) for agency, rows in
                 groupby(current, key=lambda i: i.agency_name or "No agency recorded")]
    names = {m.id: m.name for m in members}
    ties = [dict(t, source_name=names.get(t["source"]), target_name=names.get(t["target"]))
            for t in families.relationships(family_id)]
    return render_template(
        "families/family.html", family_id=family_id, family_name=family_name,
        team_by_agency=by_agency, ended=ended,
        plans=families.plans(family_id), ties=ties,
        gaps=access.visible_gaps(gaps_repo.current(family_id=family_id),
                                 g.access.sees_sensitive),
        gap_names=names,
        members=members,
        break_glass=g.access.outcome == "break_glass",
        editable=bool(current_user.roles & TEAM_EDITORS) and access.may_change(g.access),
    )


@bp.post("/<family_id>/break-glass")
@roles_required("practitioner")
@family_break_glass
def break_glass(family_id: str):
    """Open a family with no relationship to it, for a stated reason: time-limited, audited
    and listed for coordinators to review."""
    form = BreakGlassForm()
    if not form.validate_on_submit():
        g.denied_family_id = family_id
        g.break_glass_allowed = True
        return render_template("families/forbidden.html", form=form), 400
    grant_id = grants.grant(current_user.user_id, family_id, form.reason.data.strip())
    # The reason may name people: the audit keeps it whole, apart, for coordinators.
    audit.record("break_glass", family_id, "break_glass", reason=f"grant {grant_id}",
                 text=form.reason.data.strip())
    return redirect(url_for("families.family", family_id=family_id))


@bp.get("/<family_id>/map")
@family_access("view_map")
def network_map(family_id: str):
    """The map: people and professionals placed on the server, drawn by vis-network from a
    JSON data block. ?as_of=DATE draws the network as it was that day; ?since=DATE lists
    (and marks) what changed after it, by default since the last conference."""
    when = MapTimeForm(request.args)
    valid = when.validate()
    as_of = when.as_of.data if valid else None
    graph = network.for_user(family_id, current_user, g.access, as_of)
    since = since_day(when if valid else None, family_id)
    changed = changes_for_user(family_id, since) if since else []
    joined = {c.professional_id for c in changed if c.kind == "joined" and c.professional_id}
    data = family_map.map_data(graph, present.label, joined)
    agency_types = sorted({d["agency_type"] for _, d in graph.nodes(data=True)
                           if d["kind"] == "agency" and d.get("agency_type")})
    people = {n: d for n, d in graph.nodes(data=True) if d["kind"] in ("child", "adult")}
    rows = sorted(((people[t]["name"], d, graph.nodes[s]) for s, t, d in graph.edges(data=True)
                   if d["type"] == "INVOLVED_WITH"),
                  key=lambda r: (r[1]["ended"] is not None, r[2].get("agency_name") or "", r[0]))
    names = {n: d["name"] for n, d in people.items()}
    teams_by_child = [
        (d["name"], sorted(((graph.nodes[s], e) for s, t, e in graph.edges(data=True)
                            if t == child and e["type"] == "INVOLVED_WITH" and e["ended"] is None),
                           key=lambda r: (not r[1]["lead"], r[0].get("agency_name") or "",
                                          r[0]["name"])))
        for child, d in sorted(people.items(), key=lambda p: (-(p[1].get("age") or 0), p[0]))
        if d["kind"] == "child"]
    homes = family_map.households(graph)
    ties = [(names.get(a), d, names.get(b)) for a, b, d in graph.edges(data=True)
            if d["type"] in ("PARENT_OF", "PARTNER_OF") and a in names and b in names]
    return render_template("families/map.html", family_id=family_id,
                           teams_by_child=teams_by_child, now=datetime.now(UTC),
                           members=sorted(({**d, "node_id": n} for n, d in people.items()),
                                          key=lambda d: (d["kind"] != "adult",
                                                         -(d.get("age") or 0), d["name"])),
                           homes=homes, ties=sorted(ties, key=lambda t: (t[0] or "", t[2] or "")),
                           home_of={r: h["letter"] for h in homes.values() for r in h["residents"]},
                           family_name=graph.graph["family_name"], data=data, rows=rows,
                           agency_types=agency_types, when=when, as_of=as_of, since=since,
                           changes=changed, names=names, joined=",".join(sorted(joined)),
                           break_glass=g.access.outcome == "break_glass"), 200 if valid else 400


def since_day(when: MapTimeForm | None, family_id: str) -> date | None:
    """The day "what changed" starts from: the one asked for, else the last conference."""
    return (when.since.data if when else None) or history.last_conference(family_id,
                                                                           date.today())


def changes_for_user(family_id: str, since: date) -> list[history.Change]:
    """What changed in the family after `since`, of what this user may see."""
    team = access.visible_involvements(current_user, g.access, history.team_history(family_id))
    return history.changes_since(family_id, since, team)


@bp.get("/<family_id>/genogram")
@family_access("view_map")
def genogram(family_id: str):
    """The family on its own as a genogram (three generations where known), printable."""
    graph = network.for_user(family_id, current_user, g.access)
    data = family_map.genogram_data(graph)
    return render_template("families/genogram.html", family_id=family_id,
                           family_name=graph.graph["family_name"], data=data,
                           now=datetime.now(UTC))


@bp.get("/<family_id>/map/gaps.json")
@family_access("view_gaps")
def map_gaps(family_id: str):
    """The family's gaps for the map, fetched once the map is drawn: the list beside it, and
    the placeholders the map draws for missing professionals (placed round the family as
    drawn) and the people it outlines."""
    graph = network.for_user(family_id, current_user, g.access)
    found = [gap_json(gap) for gap in access.visible_gaps(
        gaps_repo.current(family_id=family_id), g.access.sees_sensitive)]
    # Placed round the map as the page drew it: the page names (by id) the professionals it
    # marked as new, rather than this request working "what changed" out again.
    professionals = {n for n, d in graph.nodes(data=True) if d["kind"] == "professional"}
    joined = set(request.args.get("new", "").split(",")) & professionals
    return jsonify(gaps=found, **family_map.marks_data(graph, found, present.label, joined))


@bp.get("/<family_id>/network.<any(json, graphml, gexf):fmt>")
@family_access("export")
def network_download(family_id: str, fmt: str):
    """The network as a file: JSON for a conference pack, GraphML or GEXF for Gephi and
    other link-chart tools."""
    graph = network.for_user(family_id, current_user, g.access)
    if fmt == "json":
        response = jsonify(family_network.to_json(graph))
    else:
        body = export.to_graphml(graph) if fmt == "graphml" else export.to_gexf(graph)
        response = Response(body, mimetype="application/xml")
    response.headers["Content-Disposition"] = f'attachment; filename="network-{family_id}.{fmt}"'
    return response
