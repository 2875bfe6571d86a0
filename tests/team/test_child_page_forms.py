"""The child page's actions, each on its own page: where each error shows, what each form
keeps, what the team records, and the check before an involvement ends."""

import re
from datetime import date, timedelta

import pytest

from tests.support.graph import add_adult, involve, make_family, make_professional
from tests.support.web import make_user, post_form, sign_in

CHILD = "/children/fam-1-child"


@pytest.fixture
def team(app, driver):
    make_family(driver, "fam-1", "Test family", given_name="Amy")
    add_adult(driver, "fam-1", "fam-1-mum", given_name="Mary")
    for key, agency in (("sw", "childrens_social_care"), ("hv", "health_visiting"),
                        ("gp", "gp")):
        make_professional(driver, f"pro-{key}", name=f"Pro {key.upper()}", agency_type=agency)
    involve(driver, "pro-sw", "fam-1-child", lead=True, since=date.today() - timedelta(days=100))
    involve(driver, "pro-hv", "fam-1-mum", role="health_visitor")  # knows the family
    users = {key: make_user(app, "practitioner", f"pro-{key}") for key in ("sw", "hv")}
    clients = {}
    for key, user in users.items():
        clients[key] = app.test_client()
        sign_in(clients[key], user)
    return clients


def form_group_of(html: str, field_id: str) -> str:
    """The GOV.UK form group holding the field with this id."""
    groups = re.findall(r'<div class="govuk-form-group.*?</div>\s*(?=<div class="govuk-form-group|'
                        r'<div class="govuk-button-group)', html, re.S)
    return next(g for g in groups if f'id="{field_id}"' in g)


def last_contact(driver, professional_id):
    return driver.execute_query(
        "MATCH (:Professional {id: $p})-[i:INVOLVED_WITH]->(:Child) WHERE i.`to` IS NULL "
        "RETURN i.last_contact AS last", p=professional_id).records[0]["last"]


def test_an_add_colleague_error_shows_at_its_field_on_its_own_page(team):
    response = post_form(team["sw"], CHILD, f"{CHILD}/colleagues",
                         {"professional_id": "", "role": "gp", "since": date.today().isoformat()})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    group = form_group_of(html, "professional_id")
    assert "govuk-form-group--error" in group and "Choose a colleague" in group
    assert 'href="#professional_id"' in html  # the summary links to the field
    assert "Join the team" not in html  # no other form on the page to show it under


def test_a_date_typed_in_one_form_stays_in_that_form(team):
    typed = (date.today() - timedelta(days=40)).isoformat()
    response = post_form(team["hv"], CHILD, f"{CHILD}/join",
                         {"role": "health_visitor", "since": typed, "lead": "y"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Confirm that the lead practitioner changes from Pro SW" in \
        form_group_of(html, "confirm_lead")
    assert html.count(f'value="{typed}"') == 1
    assert typed not in team["hv"].get(CHILD).get_data(as_text=True)
    assert typed not in team["hv"].get(f"{CHILD}/colleagues").get_data(as_text=True)


def test_joining_is_offered_only_to_those_not_in_the_team(team):
    assert f'href="{CHILD}/join"' not in team["sw"].get(CHILD).get_data(as_text=True)
    assert f'href="{CHILD}/join"' in team["hv"].get(CHILD).get_data(as_text=True)


def test_a_colleague_added_has_no_contact_recorded_until_there_is_one(team, driver):
    response = post_form(team["sw"], CHILD, f"{CHILD}/colleagues", {
        "professional_id": "pro-gp", "role": "gp", "since": date.today().isoformat()})
    assert response.status_code == 302
    assert last_contact(driver, "pro-gp") is None
    page = team["sw"].get(CHILD).get_data(as_text=True)
    row = next(r for r in page.split("<tr") if "Pro GP" in r)
    assert "not recorded" in row


def test_ending_shows_what_will_happen_and_changes_nothing_until_confirmed(team, driver):
    involvement = driver.execute_query(
        "MATCH (:Professional {id: 'pro-sw'})-[i:INVOLVED_WITH]->() RETURN i.id AS id"
    ).records[0]["id"]
    form = {"involvement_id": involvement, "ended": date.today().isoformat(),
            "reason": "moved_team", "successor_id": "pro-hv"}
    page = team["sw"].get(f"{CHILD}/end?involvement={involvement}")
    assert page.status_code == 200 and "Who takes over" in page.get_data(as_text=True)
    check = post_form(team["sw"], CHILD, f"{CHILD}/end", form)
    html = check.get_data(as_text=True)
    assert check.status_code == 200 and "Check before the involvement ends" in html
    taking_over = html.split("Who takes over")[1].split("</dd>")[0]
    assert "Pro HV" in taking_over and "from the next day as lead" in taking_over
    assert driver.execute_query("MATCH (:Professional {id: 'pro-sw'})-[i:INVOLVED_WITH]->() "
                                "RETURN i.`to` AS ended").records[0]["ended"] is None
    done = post_form(team["sw"], CHILD, f"{CHILD}/end", {**form, "confirmed": "yes"})
    assert done.status_code == 302
    assert last_contact(driver, "pro-hv") is None  # the successor has not seen the child yet


def test_ending_with_nobody_to_take_over_warns_of_the_gap(team, driver):
    involvement = driver.execute_query(
        "MATCH (:Professional {id: 'pro-sw'})-[i:INVOLVED_WITH]->() RETURN i.id AS id"
    ).records[0]["id"]
    check = post_form(team["sw"], CHILD, f"{CHILD}/end", {
        "involvement_id": involvement, "ended": date.today().isoformat(),
        "reason": "moved_team", "successor_id": "none"})
    assert "no allocated social worker and no lead practitioner" in check.get_data(as_text=True)
