"""The chair's lists: reviews due in the next four weeks on the coordinator's home, children
on plans with filters and pages, and the families with the most severe gaps."""

import re
from datetime import date, timedelta

from app.gaps import state as gap_state
from app.plans import repository as plans
from tests.records.conftest import day_month_year
from tests.support.demo import load_demo
from tests.support.graph import add_child, add_plan, involve, make_family, make_professional
from tests.support.web import client_as, post_form

TODAY = date.today()
# Children whose plan's review falls on each side of the four weeks' edges.
DUE = {"yesterday": -1, "today": 0, "in-four-weeks": 28, "a-day-later": 29}


def plans_around_the_edges(driver) -> None:
    make_family(driver, "fam-1", "Edge family", child_id="first", given_name="First")
    for name, days in DUE.items():
        add_child(driver, "fam-1", name, date(2016, 1, 1), given_name=name.capitalize())
        add_plan(driver, name, "CP", TODAY - timedelta(days=200),
                 next_review=TODAY + timedelta(days=days))
    # No review date recorded: due three months after the initial conference, held 80 days
    # ago (so due in 9 to 12 days, whatever the months' lengths).
    add_child(driver, "fam-1", "first-review", date(2017, 1, 1), given_name="Firstreview")
    add_plan(driver, "first-review", "CP", TODAY - timedelta(days=80))
    # Due within the weeks, but the plan has ended: not listed.
    add_child(driver, "fam-1", "ended", date(2015, 1, 1), given_name="Ended")
    add_plan(driver, "ended", "CP", TODAY - timedelta(days=300),
             next_review=TODAY + timedelta(days=5), end=TODAY - timedelta(days=1))


def listed(html: str, section_id: str) -> set[str]:
    table = html.split(f'id="{section_id}"')[1].split("</table>")[0]
    return {name for name in [*(n.capitalize() for n in DUE), "Firstreview", "Ended"]
            if f">{name} Test<" in table}


def test_the_chairs_home_lists_exactly_the_reviews_due_within_four_weeks(app, driver):
    plans_around_the_edges(driver)
    coordinator = client_as(app, "coordinator")
    home = coordinator.get("/").get_data(as_text=True)
    assert listed(home, "due-soon") == {"Today", "In-four-weeks", "Firstreview"}
    assert "Reviews and conferences due in the next 4 weeks (3)" in home
    page = coordinator.get("/plans?due=4w").get_data(as_text=True)
    assert listed(page, "children-on-plans") == {"Today", "In-four-weeks", "Firstreview"}
    overdue = coordinator.get("/plans?due=overdue").get_data(as_text=True)
    assert listed(overdue, "children-on-plans") == {"Yesterday"}


def test_the_list_is_soonest_first_and_filtered_by_plan_and_agency(app, driver):
    plans_around_the_edges(driver)
    add_child(driver, "fam-1", "cin", date(2019, 1, 1), given_name="Cin")
    add_plan(driver, "cin", "CIN", TODAY - timedelta(days=30), next_review=TODAY)
    make_professional(driver, "pro-school", agency_type="school")
    involve(driver, "pro-school", "today", role="designated_safeguarding_lead")
    coordinator = client_as(app, "coordinator")
    html = coordinator.get("/plans").get_data(as_text=True)
    table = html.split('id="children-on-plans"')[1]
    # Soonest review first; on the same day, by name.
    order = ["Yesterday", "Cin", "Today", "Firstreview", "In-four-weeks", "A-day-later"]
    assert sorted(order, key=lambda name: table.index(f">{name} Test<")) == order
    only_cin = coordinator.get("/plans?type=CIN").get_data(as_text=True)
    assert ">Cin Test<" in only_cin and ">Today Test<" not in only_cin
    school = coordinator.get("/plans?agency=agency-school").get_data(as_text=True)
    assert ">Today Test<" in school and ">Yesterday Test<" not in school
    assert "1 child on a plan open today matching the filters" in school


def test_pages_of_fifty(app, driver):
    make_family(driver, "fam-1", "Big family")
    for n in range(55):
        child = add_child(driver, "fam-1", f"c{n:02d}", date(2016, 1, 1), given_name=f"C{n:02d}")
        add_plan(driver, child, "CP", TODAY - timedelta(days=50),
                 next_review=TODAY + timedelta(days=n))
    coordinator = client_as(app, "coordinator")
    first = coordinator.get("/plans").get_data(as_text=True)
    second = coordinator.get("/plans?page=2").get_data(as_text=True)
    assert ">C00 Test<" in first and ">C49 Test<" in first and ">C50 Test<" not in first
    assert ">C50 Test<" in second and ">C54 Test<" in second and ">C00 Test<" not in second
    assert "Page 2 of 2" in second


def test_plans_with_no_review_date_follow_the_dated_by_name_across_pages(app, driver):
    """The plans whose review has a date are listed first (soonest first), then those with
    none, by name: a page may hold both, and the count holds them all."""
    make_family(driver, "fam-1", "Big family")
    for n in range(3):
        child = add_child(driver, "fam-1", f"d{n}", date(2016, 1, 1), given_name=f"Dated{n}")
        add_plan(driver, child, "CP", TODAY - timedelta(days=50),
                 next_review=TODAY + timedelta(days=10 - n))
    for n in range(52):
        child = add_child(driver, "fam-1", f"u{n:02d}", date(2016, 1, 1), given_name=f"U{n:02d}")
        add_plan(driver, child, "CIN", TODAY - timedelta(days=50))
    coordinator = client_as(app, "coordinator")
    first = coordinator.get("/plans").get_data(as_text=True)
    table = first.split('id="children-on-plans"')[1]
    order = ["Dated2", "Dated1", "Dated0", "U00", "U01", "U46"]
    assert sorted(order, key=lambda name: table.index(f">{name} Test<")) == order
    assert ">U47 Test<" not in first and "55 children on a plan open today" in first
    second = coordinator.get("/plans?page=2").get_data(as_text=True)
    assert ">U47 Test<" in second and ">U51 Test<" in second and ">U46 Test<" not in second
    assert ">Dated0 Test<" not in second and "Page 2 of 2" in second
    only_due = coordinator.get("/plans?due=8w").get_data(as_text=True)
    assert ">Dated0 Test<" in only_due and ">U00 Test<" not in only_due


def test_first_reviews_sharing_a_due_date_are_ordered_by_name_across_a_page_edge(app, driver):
    """A child protection plan's first review falls three months after its initial
    conference: conferences on 29 and 30 November both give 28 February. The page's edge
    falls between those two: each child is listed once, the two in name order."""
    make_family(driver, "fam-1", "Big family")
    for n in range(49):
        child = add_child(driver, "fam-1", f"e{n:02d}", date(2016, 1, 1), given_name=f"E{n:02d}")
        add_plan(driver, child, "CP", date(2024, 1, 1) + timedelta(days=n))
    add_child(driver, "fam-1", "zed", date(2016, 1, 1), given_name="Zed")
    add_plan(driver, "zed", "CP", date(2024, 11, 29))
    add_child(driver, "fam-1", "amy", date(2016, 1, 1), given_name="Amy")
    add_plan(driver, "amy", "CP", date(2024, 11, 30))
    coordinator = client_as(app, "coordinator")
    first = coordinator.get("/plans").get_data(as_text=True)
    second = coordinator.get("/plans?page=2").get_data(as_text=True)
    assert "51 children on a plan open today" in first
    assert ">E48 Test<" in first and ">Amy Test<" in first and ">Zed Test<" not in first
    assert ">Zed Test<" in second and ">Amy Test<" not in second and ">E48 Test<" not in second
    assert "28 Feb 2025" in second


def test_families_with_the_most_severe_gaps_come_first(app, driver):
    make_family(driver, "fam-a", "One gap family", child_id="a1")  # no GP, no school...
    make_family(driver, "fam-b", "Plan family", child_id="b1")
    add_plan(driver, "b1", "CP", TODAY - timedelta(days=30))  # and no social worker: high
    with app.app_context():
        gap_state.check_area()
    html = client_as(app, "coordinator").get("/").get_data(as_text=True)
    table = html.split('id="gap-families"')[1].split("</table>")[0]
    assert table.index("Plan family") < table.index("One gap family")


def test_the_families_by_gaps_are_ranked_alike_however_few_are_asked_for(app, db, driver):
    """With as many families with a high gap as are asked for, only the high gaps are counted
    first: the ranking is the one every open gap gives, for each length of the list, as
    one who sees sensitive services and as one who does not."""
    load_demo(app, "demo password here")
    with app.app_context():
        gap_state.check_area()
        for sees_sensitive in (True, False):
            counts: dict[str, dict[str, int]] = {}
            for gap in gap_state.listing({}, sees_sensitive).gaps:
                if gap.family_id:
                    family = counts.setdefault(gap.family_id, {"high": 0, "medium": 0, "low": 0})
                    family[gap.severity] += 1
            ranked = sorted(counts, key=lambda f: (-counts[f]["high"], -counts[f]["medium"],
                                                   -counts[f]["low"], f))
            with_high = sum(1 for f in counts if counts[f]["high"])
            assert with_high >= 2  # the shortcut is taken for the shorter lists
            for limit in range(1, len(ranked) + 2):
                found = plans.families_by_gaps(sees_sensitive, limit)
                assert [(r["family_id"], r["high"], r["medium"], r["low"]) for r in found] == \
                    [(f, *counts[f].values()) for f in ranked[:limit]], (sees_sensitive, limit)


def test_only_coordinators_see_the_lists(app, driver):
    plans_around_the_edges(driver)
    for role in ("practitioner", "analyst", "admin"):
        client = client_as(app, role)
        assert client.get("/plans").status_code == 403, role
        assert "due-soon" not in client.get("/").get_data(as_text=True), role


def test_names_are_escaped(app, driver):
    make_family(driver, "fam-1", "<script>alert(1)</script>", child_id="x",
                given_name="<img src=x onerror=alert(1)>")
    add_plan(driver, "x", "CP", TODAY - timedelta(days=30), next_review=TODAY)
    html = client_as(app, "coordinator").get("/").get_data(as_text=True)
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>alert(1)" not in html


def stated_total(coordinator, query: str = "") -> int:
    html = coordinator.get(f"/plans{query}").get_data(as_text=True)
    return int(re.search(r"([\d,]+) child(?:ren)? on a plan open today", html)[1].replace(",", ""))


def counted_afresh(driver, plan_type: str | None = None) -> int:
    """Children on plans open today, counted by the tests' own query."""
    return driver.execute_query(
        "MATCH (:Child)-[:SUBJECT_OF]->(p:Plan) WHERE (p.end IS NULL OR p.end >= date()) "
        "AND ($type IS NULL OR p.type = $type) RETURN count(p) AS n", type=plan_type
    ).records[0]["n"]


def test_the_count_of_children_on_plans_follows_every_change_to_a_plan(app, driver):
    """How many children are on plans is read from counts kept by the changes (not from
    every plan): a plan added with no review date, given one, then ended with none, and
    one ending later are each counted as a fresh count of the plans counts them, with a
    type filter too."""
    make_family(driver, "fam-1", "Plan family", child_id="amy")
    add_child(driver, "fam-1", "ben", date(2017, 1, 1), given_name="Ben")
    add_plan(driver, "ben", "LAC", TODAY - timedelta(days=40), end=TODAY + timedelta(days=3))
    coordinator = client_as(app, "coordinator")
    assert stated_total(coordinator) == counted_afresh(driver) == 1
    page = "/people/amy/plans/new"
    start = TODAY - timedelta(days=10)
    assert post_form(coordinator, page, page, {
        "type": "CIN", **day_month_year("start", start)}).status_code == 302
    assert stated_total(coordinator) == counted_afresh(driver) == 2
    assert stated_total(coordinator, "?type=CIN") == counted_afresh(driver, "CIN") == 1
    plan_id = driver.execute_query("MATCH (:Child {id: 'amy'})-[:SUBJECT_OF]->(p:Plan) "
                                   "RETURN p.id AS id").records[0]["id"]
    page = f"/people/amy/plans/{plan_id}"
    assert post_form(coordinator, page, page, {
        "type": "CIN", "category": "", **day_month_year("start", start),
        **day_month_year("next_review", TODAY + timedelta(days=20)),
        "version": "1"}).status_code == 302
    assert stated_total(coordinator) == counted_afresh(driver) == 2
    assert post_form(coordinator, page, page, {
        "type": "CIN", "category": "", **day_month_year("start", start),
        "next_review-day": "", "next_review-month": "", "next_review-year": "",
        **day_month_year("end", TODAY - timedelta(days=1)), "version": "2"}).status_code == 302
    assert driver.execute_query("MATCH (p:Plan {id: $id}) RETURN p.next_review AS due",
                                id=plan_id).records[0]["due"] is None
    assert stated_total(coordinator) == counted_afresh(driver) == 1
    assert stated_total(coordinator, "?type=CIN") == counted_afresh(driver, "CIN") == 0


def test_counts_written_wrong_are_put_right_by_the_check_of_the_whole_area(app, driver):
    """Plans written behind the app's back (no count kept) are counted after the next check
    of the whole area (nightly, or after an import)."""
    make_family(driver, "fam-1", "Plan family", child_id="amy")
    driver.execute_query("MATCH (c:Child {id: 'amy'}) CREATE (c)-[:SUBJECT_OF]->"
                         "(:Plan {id: 'behind', type: 'EARLY_HELP', start: date()}), "
                         "(c)-[:SUBJECT_OF]->(:Plan {id: 'behind-cp', type: 'CP', "
                         "start: date() - duration({days: 80})})")
    coordinator = client_as(app, "coordinator")
    assert stated_total(coordinator) == 0 != counted_afresh(driver)
    with app.test_request_context():
        gap_state.check_area()
    assert stated_total(coordinator) == counted_afresh(driver) == 2
    # The child protection plan's first review (three months on) is due within 4 weeks.
    assert stated_total(coordinator, "?due=4w") == 1


def test_counts_kept_by_an_earlier_version_are_completed_when_the_schema_is_applied(app, db,
                                                                                   driver):
    """Before plans with a review date were counted, a plan carried only its count with no
    review date: applying the schema counts the rest (and finds the first reviews due)."""
    make_family(driver, "fam-1", "Plan family", child_id="amy")
    add_child(driver, "fam-1", "ben", date(2017, 1, 1), given_name="Ben")
    add_plan(driver, "amy", "CIN", TODAY - timedelta(days=40), next_review=TODAY)
    add_plan(driver, "ben", "CP", TODAY - timedelta(days=80))
    add_plan(driver, "ben", "EARLY_HELP", TODAY - timedelta(days=80))
    driver.execute_query("MATCH (p:Plan) REMOVE p.dated_as, p.first_review_from "
                         "WITH count(*) AS plans MATCH (t:PlanTally) REMOVE t.dated")
    coordinator = client_as(app, "coordinator")
    assert stated_total(coordinator) == 1
    db.apply_schema()
    assert stated_total(coordinator) == counted_afresh(driver) == 3
    assert stated_total(coordinator, "?due=4w") == 2


def test_the_agency_filter_offers_an_agency_as_soon_as_it_is_recorded(app, driver):
    """The agencies a filter offers are read once a minute (a region has thousands), but
    one added on the directory's pages is offered at once, and one written since by
    another process filters at once even before it is offered."""
    plans_around_the_edges(driver)
    coordinator = client_as(app, "coordinator")
    assert "Northgate School" not in coordinator.get("/plans").get_data(as_text=True)
    added = post_form(client_as(app, "admin"), "/directory/agencies/new",
                      "/directory/agencies/new", {"name": "Northgate School", "type": "school"})
    assert added.status_code == 302
    assert "Northgate School" in coordinator.get("/plans").get_data(as_text=True)
    make_professional(driver, "pro-school", agency_type="school")  # behind the app's back
    involve(driver, "pro-school", "today", role="designated_safeguarding_lead")
    assert ">Agency school<" not in coordinator.get("/families").get_data(as_text=True)
    school = coordinator.get("/plans?agency=agency-school").get_data(as_text=True)
    assert ">Today Test<" in school and ">Yesterday Test<" not in school


def test_the_agency_filter_escapes_names_and_marks_the_chosen_agency(app, driver):
    """The agencies' options are written out once and reused (thousands in a region): an
    agency's name is still escaped, and the one chosen is still the one shown."""
    plans_around_the_edges(driver)
    added = post_form(client_as(app, "admin"), "/directory/agencies/new",
                      "/directory/agencies/new", {"name": "<b>Ash</b> & Co", "type": "school"})
    assert added.status_code == 302
    coordinator = client_as(app, "coordinator")
    for page in ("/plans", "/families"):
        html = coordinator.get(page).get_data(as_text=True)
        assert "<b>Ash" not in html
        [agency_id] = re.findall(r'<option value="([^"]+)">&lt;b&gt;Ash&lt;/b&gt; &amp; Co<', html)
        assert " selected>" not in html.split('id="filter-agency"')[1].split("</select>")[0]
        chosen = coordinator.get(f"{page}?agency={agency_id}").get_data(as_text=True)
        assert f'<option value="{agency_id}" selected>&lt;b&gt;Ash&lt;/b&gt; &amp; Co<' in chosen
