"""The coordinators' dashboard: counts, filters, follow-up, resolved gaps, export, API."""

import csv
import io
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.gaps import repository as gaps_repo
from app.gaps import state as gap_state
from app.gaps.engine import SEVERITY_ORDER
from tests.records.conftest import day_month_year
from tests.support.demo import load_demo
from tests.support.graph import add_adult, involve, make_family, make_professional
from tests.support.store import audit_events
from tests.support.web import client_as, make_user, post_form, sign_in

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def coordinator(app, db):
    load_demo(app, "demo password here")
    return client_as(app, "coordinator")


def test_counts_per_rule_and_a_filtered_list(coordinator, driver, app):
    html = coordinator.get("/gaps").get_data(as_text=True)
    assert "Child protection plan with no social worker" in html
    assert "Kacper Kowalski" in html and "Zara Okafor" in html
    only = coordinator.get("/gaps?rule=under5-no-health-visitor").get_data(as_text=True)
    to_follow = only.split("To follow up")[1].split("Acknowledged or not applicable")[0]
    assert "Zara Okafor" in to_follow and "Kacper Kowalski" not in to_follow
    by_age = coordinator.get("/gaps?age_band=16-17").get_data(as_text=True)
    section = by_age.split("To follow up")[1].split("Acknowledged or not applicable")[0]
    assert "Yusuf Ali" in section and "Zara Okafor" not in section
    assert len(audit_events(app, action="view_gaps")) == 3


def test_the_map_link_highlights_the_child(coordinator):
    html = coordinator.get("/gaps?rule=under5-no-health-visitor").get_data(as_text=True)
    assert "/families/demo-fam-okafor/map?highlight=demo-per-zara-okafor" in html


def test_acknowledging_a_gap_sorts_it_apart_and_is_audited(coordinator, driver, app):
    key = "under5-no-health-visitor:demo-per-zara-okafor"
    missing = post_form(coordinator, "/gaps", "/gaps/review",
                        {"key": key, "family_id": "demo-fam-okafor", "status": "acknowledged"})
    assert "Say who will act" in coordinator.get(missing.headers["Location"]).get_data(as_text=True)
    response = post_form(coordinator, "/gaps", "/gaps/review", {
        "key": key, "family_id": "demo-fam-okafor", "status": "acknowledged",
        "who_acts": "Health visiting duty desk", "by_date": "2026-12-05"})
    assert response.status_code == 302
    html = coordinator.get("/gaps").get_data(as_text=True)
    reviewed = html.split("Acknowledged or not applicable")[1]
    assert "Zara Okafor" in reviewed and "Health visiting duty desk" in reviewed
    assert [e["reason"] for e in audit_events(app, action="change")] == \
        ["gap acknowledged: under5-no-health-visitor"]


ZARA = "/children/demo-per-zara-okafor"


def test_a_team_change_resolves_its_gap_on_the_dashboard_at_once(coordinator):
    """A coordinator adds a health visitor to the baby's team: the dashboard (which reads the
    gaps as last checked, not the rules) shows the gap resolved straight away."""
    before = coordinator.get("/gaps?rule=under5-no-health-visitor").get_data(as_text=True)
    assert "Zara Okafor" in before.split("To follow up")[1].split("Acknowledged")[0]
    response = post_form(coordinator, f"{ZARA}/colleagues", f"{ZARA}/colleagues", {
        "professional_id": "demo-pro-ahmed", "role": "health_visitor",
        "since": date.today().isoformat()})
    assert response.status_code == 302
    html = coordinator.get("/gaps").get_data(as_text=True)
    assert "Zara Okafor" not in html.split("To follow up")[1].split("Acknowledged")[0]
    resolved = html.split("Resolved in the last 30 days")[1]
    assert "Under five, or unborn on a plan, with no health visitor" in resolved


def test_a_record_change_opens_a_gap_on_the_dashboard_at_once(coordinator):
    """A newborn recorded in the Okafor family has no GP and no health visitor: both gaps
    are on the dashboard as soon as the record is saved."""
    response = post_form(coordinator, "/families/demo-fam-okafor/members/new",
                         "/families/demo-fam-okafor/members/new", {
                             "kind": "child", "role": "child", "given_name": "Ada",
                             "family_name": "Okafor", "gender": "female",
                             **day_month_year("dob", date.today() - timedelta(days=60))})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    html = coordinator.get("/gaps?rule=no-gp").get_data(as_text=True)
    assert "Ada Okafor" in html.split("To follow up")[1]


def kept_counts(driver) -> dict[str, int]:
    return {r["key"]: r["gaps"] for r in driver.execute_query(
        "MATCH (t:GapTally) WHERE t.gaps <> 0 RETURN t.key AS key, t.gaps AS gaps").records}


def fresh_counts(driver) -> dict[str, int]:
    return {r["key"]: r["gaps"] for r in driver.execute_query(
        "MATCH (s:GapState) WHERE s.open_tally IS NOT NULL "
        "RETURN s.open_tally AS key, count(*) AS gaps").records}


def kept_family_counts(driver) -> dict[str, tuple]:
    """Each family's kept counts (high, medium, low; then those not sensitive), with none
    at zero."""
    return {r["id"]: tuple(r["n"]) for r in driver.execute_query(
        "MATCH (f:FamilyGaps) WHERE f.high + f.medium + f.low > 0 RETURN f.family_id AS id, "
        "[f.high, f.medium, f.low, f.high_plain, f.medium_plain, f.low_plain] AS n").records}


def fresh_family_counts(driver) -> dict[str, tuple]:
    counted: dict[str, list[int]] = {}
    for r in driver.execute_query(
            "MATCH (s:GapState) WHERE s.open_tally IS NOT NULL AND s.family_id IS NOT NULL "
            "RETURN s.family_id AS id, s.severity AS severity, s.sensitive AS sensitive").records:
        n = counted.setdefault(r["id"], [0] * 6)
        at = ["high", "medium", "low"].index(r["severity"])
        n[at] += 1
        if not r["sensitive"]:
            n[3 + at] += 1
    return {family: tuple(n) for family, n in counted.items()}


def assert_counts_kept_right(driver) -> None:
    assert kept_counts(driver) == fresh_counts(driver)
    assert kept_family_counts(driver) == fresh_family_counts(driver)


def test_the_counts_kept_follow_every_change_as_a_fresh_count_would(coordinator, driver):
    """The dashboard's counts and each family's are kept, not counted: after a gap is
    resolved by a team change, opened by a record change and followed up, each is what
    counting the open gaps afresh gives (and the area's twelve gaps are all counted)."""
    assert_counts_kept_right(driver)
    assert sum(kept_counts(driver).values()) == 12
    post_form(coordinator, f"{ZARA}/colleagues", f"{ZARA}/colleagues", {
        "professional_id": "demo-pro-ahmed", "role": "health_visitor",
        "since": date.today().isoformat()})
    assert_counts_kept_right(driver)
    assert sum(kept_counts(driver).values()) == 11
    post_form(coordinator, "/families/demo-fam-okafor/members/new",
              "/families/demo-fam-okafor/members/new", {
                  "kind": "child", "role": "child", "given_name": "Ada",
                  "family_name": "Okafor", "gender": "female",
                  **day_month_year("dob", date.today() - timedelta(days=60))})
    assert_counts_kept_right(driver)
    assert sum(kept_counts(driver).values()) > 11
    post_form(coordinator, "/gaps", "/gaps/review", {
        "key": "no-gp:demo-per-liam-hughes", "family_id": "demo-fam-hughes",
        "status": "not_applicable", "note": "Registered last week"})
    assert_counts_kept_right(driver)
    assert any(key.endswith("|reviewed") for key in kept_counts(driver))


def test_applying_the_schema_puts_wrong_family_counts_right(coordinator, db, driver):
    """Counts made wrong behind the app's back (a family's too high, one missing, one for a
    family with no open gap) are right again once the schema is applied (`flask setup`,
    `make run`)."""
    driver.execute_query("MATCH (f:FamilyGaps {family_id: 'demo-fam-okafor'}) "
                         "SET f.high = f.high + 3, f.rank = '000009|000000|000000'")
    driver.execute_query("MATCH (f:FamilyGaps {family_id: 'demo-fam-hughes'}) DELETE f")
    driver.execute_query("CREATE (:FamilyGaps {family_id: 'demo-fam-none', high: 1, medium: 0, "
                         "low: 0, high_plain: 1, medium_plain: 0, low_plain: 0, "
                         "rank: '000001|000000|000000', rank_plain: '000001|000000|000000'})")
    assert kept_family_counts(driver) != fresh_family_counts(driver)
    db.apply_schema()
    assert_counts_kept_right(driver)
    assert driver.execute_query("MATCH (f:FamilyGaps) WHERE f.rank = '000009|000000|000000' "
                                "OR f.family_id = 'demo-fam-none' AND f.rank IS NOT NULL "
                                "RETURN count(f) AS n").records[0]["n"] == 0


def test_a_gap_found_in_two_families_is_kept_and_counted_once(coordinator, app, driver):
    """An adult in two families, known to probation and linked to neither family's
    children, is found once for each family (one gap, one key): it is kept once, counted
    once, and found unchanged by the next check (nothing written)."""
    for family in ("fam-a", "fam-b"):
        make_family(driver, family, f"Family {family}", child_id=f"{family}-child")
    add_adult(driver, "fam-a", "both-adult")
    driver.execute_query("MATCH (a:Adult {id: 'both-adult'}), (f:Family {id: 'fam-b'}) "
                         "CREATE (a)-[:MEMBER_OF {role: 'parent'}]->(f)")
    make_professional(driver, "pro-probation", agency_type="probation")
    involve(driver, "pro-probation", "both-adult", role="probation_officer")
    key = "adult-risk-unlinked:both-adult:pro-probation"
    with app.test_request_context():
        found, _ = gap_state.check_area()
        assert [gap.family_id for gap in found if gap.key == key] in (
            ["fam-a", "fam-b"], ["fam-b", "fam-a"])
        assert_counts_kept_right(driver)
        counts = kept_family_counts(driver)  # the two children have the same gaps else
        assert counts["fam-a"][0] == counts["fam-b"][0] + 1
        written = driver.execute_query(
            "MATCH (s:GapState {key: $key}) RETURN s.updated_at AS at", key=key).records
        gap_state.check_area()
    assert driver.execute_query(
        "MATCH (s:GapState {key: $key}) RETURN s.updated_at AS at", key=key).records == written
    assert_counts_kept_right(driver)


def test_a_check_writes_only_the_gaps_that_changed(coordinator, app, driver):
    """Checked again with nothing changed, no gap is written; a corrected date of birth
    rewrites that child's gaps alone (with the new age band), so that re-checking a whole
    area after an import costs reading, not rewriting, what was already known."""
    def updated() -> dict:
        records, _, _ = driver.execute_query(
            "MATCH (s:GapState) WHERE s.open RETURN s.key AS key, s.updated_at AS at, "
            "s.subject_dob AS dob")
        return {r["key"]: (r["at"], r["dob"]) for r in records}

    before = updated()
    with app.app_context():
        gap_state.check_area()
    assert updated() == before
    driver.execute_query("MATCH (c:Child {id: 'demo-per-zara-okafor'}) "
                         "SET c.dob = c.dob - duration({days: 1})")
    with app.app_context():
        gap_state.check_area()
    after = updated()
    changed = {key for key in after if after[key] != before.get(key)}
    assert changed and all(key.endswith(":demo-per-zara-okafor") for key in changed)
    assert all(after[key][1].to_native() == before[key][1].to_native() - timedelta(days=1)
               for key in changed)


def run_nightly_check(neo4j_server, store_url) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEO4J_URI": neo4j_server.uri, "NEO4J_USER": neo4j_server.user,
           "NEO4J_PASSWORD": neo4j_server.password, "DATABASE_URL": store_url}
    return subprocess.run([sys.executable, "-m", "flask", "--app", "app", "gaps"], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_the_dashboard_reads_and_never_writes(coordinator, driver, neo4j_server, store_url):
    """A change made behind the app's back (not through its writes) is not on the dashboard
    until the nightly check; viewing the dashboard, filtering it and downloading it change
    nothing in the graph."""
    def states():
        return driver.execute_query(
            "MATCH (s) WHERE s:GapState OR s:GapRun OR s:GapReview "
            "RETURN labels(s) AS l, properties(s) AS p ORDER BY s.key, s.id").records
    driver.execute_query(
        "MATCH (p:Professional {id: 'demo-pro-ahmed'}), (c:Child {id: 'demo-per-zara-okafor'}) "
        "CREATE (p)-[:INVOLVED_WITH {id: 'new-hv', role: 'health_visitor', `from`: date()}]->(c)")
    before = states()
    html = coordinator.get("/gaps?rule=under5-no-health-visitor").get_data(as_text=True)
    coordinator.get("/gaps?severity=high&page=1")
    coordinator.get("/gaps/export.csv")
    assert states() == before
    assert "Zara Okafor" in html.split("To follow up")[1]  # as last checked
    assert run_nightly_check(neo4j_server, store_url).returncode == 0
    html = coordinator.get("/gaps?rule=under5-no-health-visitor").get_data(as_text=True)
    assert "Zara Okafor" not in html.split("To follow up")[1].split("Resolved")[0]


def test_the_csv_has_ids_and_names_only_when_asked(coordinator, driver, app):
    plain = coordinator.get("/gaps/export.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(plain)))
    assert {"rule", "severity", "family_id", "subject_id", "since"} <= set(rows[0])
    assert "name" not in rows[0] and "Kowalski" not in plain.replace("demo-fam-kowalski", "")
    named = list(csv.DictReader(io.StringIO(coordinator.get("/gaps/export.csv?names=1")
                                            .get_data(as_text=True))))
    assert "Kacper Kowalski" in {r["name"] for r in named}
    assert [e["reason"] for e in audit_events(app, action="export")] == \
        ["gaps csv", "gaps csv with names"]


def test_gaps_come_most_severe_first_then_oldest_the_same_page_by_page(coordinator, app):
    """The dashboard's pages and the CSV follow one order (severity, then how long the gap
    has been open), the pages cutting it without gap or repeat."""
    rows = list(csv.DictReader(io.StringIO(coordinator.get("/gaps/export.csv")
                                           .get_data(as_text=True))))
    order = [(SEVERITY_ORDER[r["severity"]], r["since"] or "9999") for r in rows]
    assert order == sorted(order) and len({r["severity"] for r in rows}) > 1
    with app.app_context():
        whole = [g.key for g in gap_state.listing({}, True).gaps]
        pages = [g.key for skip in range(0, len(whole), 5)
                 for g in gap_state.listing({}, True, skip=skip, limit=5).gaps]
    assert pages == whole and len(whole) == len(rows) == 12


@pytest.mark.parametrize("filters", [
    {}, {"rule": "no-gp"}, {"severity": "high"}, {"rule": "cp-no-social-worker", "severity": "high"},
    {"agency_type": "gp"}, {"age_band": "0-4"}, {"severity": "medium", "age_band": "16-17"},
    {"age_band": "adult"}, {"age_band": "unborn"}, {"agency_type": "health_visiting", "age_band": "0-4"},
    {"agency_type": "health_visiting", "severity": "medium"}, {"rule": "no-gp", "agency_type": "school"},
])
def test_each_list_says_how_many_it_holds(coordinator, app, filters):
    """The totals (from the counts kept by rule, severity, agency and age band) agree with
    the gaps listed, followed up or not, as a user and as one who may not see sensitive
    services."""
    post_form(coordinator, "/gaps", "/gaps/review", {
        "key": "under5-no-health-visitor:demo-per-zara-okafor", "family_id": "demo-fam-okafor",
        "status": "not_applicable", "note": "Moved out of the area"})
    with app.test_request_context():
        for sees_sensitive in (True, False):
            for reviewed in (None, False, True):
                found = gap_state.listing(filters, sees_sensitive, reviewed)
                assert found.total == len(found.gaps), (sees_sensitive, reviewed)
            assert gap_state.listing(filters, sees_sensitive).total == \
                len(gap_state.export(filters, sees_sensitive))
    with app.test_request_context():
        assert gap_state.listing({}, True, reviewed=True).total == 1


@pytest.mark.parametrize("filters", [
    {"rule": "no-gp"}, {"rule": "under5-no-health-visitor", "severity": "medium"},
    {"agency_type": "childrens_social_care"}, {"agency_type": "school", "severity": "medium"},
    {"severity": "high"}, {"rule": "no-gp", "severity": "high"},
])
def test_a_filtered_page_is_the_dashboards_order_cut_to_the_filter(coordinator, app, filters):
    """A page filtered by rule, agency or severity is read from an order of its own: it
    lists the same gaps in the same order as the whole list with the filter applied."""
    with app.test_request_context():
        whole = gap_state.listing({}, True).gaps
        expected = [g.key for g in whole
                    if filters.get("rule") in (None, g.rule)
                    and filters.get("severity") in (None, g.severity)
                    and filters.get("agency_type") in (None, g.agency_type)]
        assert [g.key for g in gap_state.listing(filters, True).gaps] == expected
        assert [row["rule"] for row in gap_state.export(filters, True)] == \
            [key.split(":")[0] for key in expected]


def test_the_csv_says_which_gaps_were_followed_up(coordinator):
    post_form(coordinator, "/gaps", "/gaps/review", {
        "key": "under5-no-health-visitor:demo-per-zara-okafor", "family_id": "demo-fam-okafor",
        "status": "not_applicable", "note": "Moved out of the area"})
    rows = csv.DictReader(io.StringIO(coordinator.get("/gaps/export.csv").get_data(as_text=True)))
    follow_up = {(r["rule"], r["subject_id"]): r["follow_up"] for r in rows}
    assert follow_up[("under5-no-health-visitor", "demo-per-zara-okafor")] == "not_applicable"
    assert set(follow_up.values()) == {"not_applicable", ""}


def test_gaps_kept_by_an_earlier_version_are_listed_after_the_schema_is_applied(
        coordinator, driver, db, app):
    """Open gaps written before the dashboard's order and counts were kept on them (an
    upgraded database) are counted and listed once the schema is applied, as at start-up,
    those followed up among them in their own list."""
    post_form(coordinator, "/gaps", "/gaps/review", {
        "key": "no-gp:demo-per-liam-hughes", "family_id": "demo-fam-hughes",
        "status": "not_applicable", "note": "Registered last week"})
    # As the versions before kept them: counts by rule, severity, sensitivity and follow-up
    # only, and no age band to count or list by.
    driver.execute_query("MATCH (s:GapState) REMOVE s.open_order, s.reviewed_order, s.age_band, "
                         "s.rule_order, s.agency_order, s.band_order "
                         "SET s.open_tally = s.rule + '|' + s.severity + '|' + "
                         "toString(s.sensitive) + '|to_follow'")
    driver.execute_query("MATCH (t:GapTally|FamilyGaps) DETACH DELETE t")  # it kept no counts
    db.apply_schema()
    assert_counts_kept_right(driver)
    html = coordinator.get("/gaps").get_data(as_text=True)
    assert "Zara Okafor" in html.split("To follow up")[1].split("Acknowledged or not")[0]
    assert "Liam Hughes" in html.split("Acknowledged or not applicable (1)")[1]
    assert "12 gaps across the area" in html
    under5 = coordinator.get("/gaps?age_band=0-4").get_data(as_text=True)
    assert "Zara Okafor" in under5 and "To follow up (0)" not in under5
    bands = driver.execute_query(
        "MATCH (s:GapState {open: true}) RETURN s.key AS key, s.age_band AS band").records
    with app.test_request_context():
        gap_state.check_area()  # the bands as the rules' own check works them out
    assert driver.execute_query(
        "MATCH (s:GapState {open: true}) RETURN s.key AS key, s.age_band AS band").records \
        == bands


def test_a_birthday_moves_a_gap_to_its_new_band_at_the_next_check(coordinator, app):
    """Age bands are kept on the gaps as of their last check (so that a band is counted and
    paged like any other filter): a gap checked when its child was under 5 stays in 0-4
    until the next check, which moves it."""
    key = "under5-no-health-visitor:demo-per-zara-okafor"
    in_six_years = date.today() + timedelta(days=6 * 366)
    with app.test_request_context():
        gap_state.save(gaps_repo.current(), today=in_six_years)
    with app.test_request_context():
        older = gap_state.listing({"age_band": "5-10"}, True)
        assert key in [g.key for g in older.gaps] and older.total == len(older.gaps)
        assert key not in [g.key for g in gap_state.listing({"age_band": "0-4"}, True).gaps]
        gap_state.check_area()
    with app.test_request_context():
        assert key in [g.key for g in gap_state.listing({"age_band": "0-4"}, True).gaps]
        assert key not in [g.key for g in gap_state.listing({"age_band": "5-10"}, True).gaps]


def test_a_name_cannot_become_a_spreadsheet_formula(coordinator, driver):
    driver.execute_query("MATCH (c:Child {id: 'demo-per-zara-okafor'}) "
                         "SET c.given_name = '=HYPERLINK(\"http://x\")'")
    text = coordinator.get("/gaps/export.csv?names=1").get_data(as_text=True)
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_the_api_lists_gaps_for_the_area_or_one_family(app, coordinator):
    area = coordinator.get("/api/v1/gaps?rule=no-gp").get_json()["gaps"]
    assert [g["child_id"] for g in area] == ["demo-per-liam-hughes"]
    practitioner = app.test_client()
    sign_in(practitioner, make_user(app, "practitioner", "demo-pro-osei"))
    assert practitioner.get("/api/v1/gaps").status_code == 403
    assert practitioner.get("/api/v1/gaps?family=demo-fam-okafor").status_code == 403
    assert practitioner.get("/api/v1/gaps?family=demo-fam-clarke").get_json() == {"gaps": []}
    assert practitioner.get("/gaps").status_code == 403


def test_the_family_page_shows_the_familys_gaps_and_the_map_fetches_them(coordinator):
    html = coordinator.get("/families/demo-fam-kowalski").get_data(as_text=True)
    panel = html.split('id="gaps-panel"')[1][:3000]
    assert "Child protection plan with no social worker" in panel
    assert "Involvement ended with no successor" in panel
    map_page = coordinator.get("/families/demo-fam-kowalski/map").get_data(as_text=True)
    assert 'data-src="/families/demo-fam-kowalski/map/gaps.json"' in map_page


def test_the_nightly_command_prints_counts_per_rule(coordinator, neo4j_server, store_url):
    result = run_nightly_check(neo4j_server, store_url)
    assert result.returncode == 0, result.stderr
    counts = {line.split()[0]: int(line.split()[1]) for line in result.stdout.splitlines()
              if line[:1].islower() and len(line.split()) == 3 and line.split()[1].isdigit()}
    assert counts["cp-no-social-worker"] == 1 and counts["total"] == 12
