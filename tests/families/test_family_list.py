"""The list of families for coordinators: name order, what each holds, filters by plan,
agency and open gaps, pages of fifty, and nothing personal in its addresses."""

import re
from datetime import date, timedelta

from app.gaps import state as gap_state
from tests.support.graph import add_child, add_plan, involve, make_family, make_professional
from tests.support.web import client_as

TODAY = date.today()


def rows(html: str) -> list[str]:
    """The families listed, in the order shown."""
    table = html.split('id="family-list"')[1].split("</table>")[0]
    return re.findall(r'href="/families/[^"]+">([^<]+)</a>', table)


def three_families(driver, app) -> None:
    make_family(driver, "fam-c", "Carter family", child_id="c1")
    make_family(driver, "fam-a", "Adeyemi family", child_id="a1")
    add_child(driver, "fam-a", "a2", date(2012, 1, 1))
    add_plan(driver, "a1", "CP", TODAY - timedelta(days=40), next_review=TODAY + timedelta(days=9))
    add_plan(driver, "a2", "CIN", TODAY - timedelta(days=40), next_review=TODAY - timedelta(days=2))
    make_family(driver, "fam-b", "Brown family", child_id="b1")
    add_plan(driver, "b1", "CIN", TODAY - timedelta(days=400), end=TODAY - timedelta(days=1))
    make_professional(driver, "pro-school", agency_type="school")
    involve(driver, "pro-school", "b1", role="designated_safeguarding_lead")
    # The Adeyemis' child protection plan has no social worker: a high gap, once checked.
    with app.app_context():
        gap_state.check_area()


def test_families_are_listed_by_name_with_their_children_plans_reviews_and_gaps(app, driver):
    three_families(driver, app)
    html = client_as(app, "coordinator").get("/families").get_data(as_text=True)
    assert rows(html) == ["Adeyemi family", "Brown family", "Carter family"]
    assert "3 families recorded" in html
    adeyemi = html.split("Adeyemi family")[1].split("</tr>")[0]
    assert ">2<" in adeyemi  # children
    assert "Child in need, Child protection" in adeyemi
    assert (TODAY - timedelta(days=2)).strftime("%-d %b %Y") in adeyemi and "Overdue" in adeyemi
    assert "high</strong>" in adeyemi
    brown = html.split("Brown family")[1].split("</tr>")[0]
    assert "None" in brown  # its only plan has ended


def test_filters_by_plan_agency_and_gaps(app, driver):
    three_families(driver, app)
    coordinator = client_as(app, "coordinator")

    def listed(query: str) -> list[str]:
        return rows(coordinator.get(f"/families?{query}").get_data(as_text=True))

    assert listed("plan=any") == ["Adeyemi family"]
    assert listed("plan=CIN") == ["Adeyemi family"]  # the Browns' plan has ended
    assert listed("plan=LAC") == []
    assert listed("agency=agency-school") == ["Brown family"]
    assert listed("gaps=high") == ["Adeyemi family"]
    assert listed("gaps=any") == ["Adeyemi family", "Brown family", "Carter family"]
    # A value the list does not offer is no filter at all.
    assert listed("plan=nonsense") == ["Adeyemi family", "Brown family", "Carter family"]


def test_pages_of_fifty_with_no_name_in_any_address(app, driver):
    for n in range(55):
        make_family(driver, f"fam-{n:02d}", f"Family {n:02d}", child_id=f"c{n:02d}")
    coordinator = client_as(app, "coordinator")
    first = coordinator.get("/families").get_data(as_text=True)
    second = coordinator.get("/families?page=2").get_data(as_text=True)
    assert rows(first) == [f"Family {n:02d}" for n in range(50)]
    assert rows(second) == [f"Family {n:02d}" for n in range(50, 55)]
    assert 'href="/families?page=2"' in first and 'href="/families?page=3"' not in second
    links = re.findall(r'href="([^"]+)"', first + second)
    assert not [link for link in links if "Family" in link]


def test_only_coordinators_list_families(app, driver):
    make_family(driver)
    for role in ("practitioner", "analyst", "admin"):
        assert client_as(app, role).get("/families").status_code == 403, role


def test_names_are_escaped(app, driver):
    make_family(driver, "fam-1", "<script>alert(1)</script>")
    html = client_as(app, "coordinator").get("/families").get_data(as_text=True)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
