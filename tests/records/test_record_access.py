"""Who may change a family: coordinators any family, practitioners those they may see (not
by breaking the glass), analysts and admins nothing. A refusal is audited and changes nothing."""

from datetime import date

import pytest

from tests.records.conftest import day_month_year, graph_state
from tests.support.graph import involve, make_professional
from tests.support.store import audit_events
from tests.support.web import client_as, csrf_token, post_form


def _post_without_page(client, action, data):
    """A POST crafted by hand: the CSRF token is taken from a page every user may open."""
    token = csrf_token(client.get("/me/tokens").get_data(as_text=True))
    return client.post(action, data={**data, "csrf_token": token})


IDENTITY = {"given_name": "Amy", "family_name": "Changed", "gender": "female", "version": "0",
            **day_month_year("dob", date(2018, 5, 1))}


def test_a_practitioner_not_involved_cannot_change_the_family(app, family, driver):
    make_professional(driver, "pro-other", name="Other Pro")
    client = client_as(app, "practitioner", "pro-other")
    before = graph_state(driver)
    assert client.get("/people/amy/identity").status_code == 403
    response = _post_without_page(client, "/people/amy/identity", IDENTITY)
    assert response.status_code == 403
    assert _post_without_page(client, "/families/fam-1/members/remove",
                              {"person_id": "sam"}).status_code == 403
    assert graph_state(driver) == before
    denied = audit_events(app, action="change", outcome="denied")
    assert {e["target_id"] for e in denied} == {"amy", "fam-1"}


def test_a_practitioner_involved_changes_the_family_they_work_with(app, family, driver):
    make_professional(driver, "pro-sw", name="Pro SW")
    involve(driver, "pro-sw", "amy")
    client = client_as(app, "practitioner", "pro-sw")
    page = "/people/amy/identity"
    assert post_form(client, page, page, IDENTITY).status_code == 302
    assert driver.execute_query("MATCH (c:Child {id: 'amy'}) RETURN c.family_name AS n"
                                ).records[0]["n"] == "Changed"
    # The family page offers the changes to them.
    assert "Add a person" in client.get("/families/fam-1").get_data(as_text=True)


def test_break_glass_opens_a_family_to_read_never_to_change(app, family, driver):
    make_professional(driver, "pro-other", name="Other Pro")
    client = client_as(app, "practitioner", "pro-other")
    post_form(client, "/families/fam-1", "/families/fam-1/break-glass",
              {"reason": "Duty call about the family"})
    assert client.get("/families/fam-1").status_code == 200
    assert "Add a person" not in client.get("/families/fam-1").get_data(as_text=True)
    assert client.get("/people/amy/identity").status_code == 403


@pytest.mark.parametrize("role", ["analyst", "admin"])
def test_analysts_and_admins_change_nothing(app, family, driver, role):
    client = client_as(app, role)
    before = graph_state(driver)
    for page in ("/people/amy/identity", "/families/fam-1/members/new", "/families/new",
                 "/people/amy/plans/new", "/families/fam-1/moves"):
        assert client.get(page).status_code == 403, page
    response = _post_without_page(client, "/people/amy/identity", IDENTITY)
    assert response.status_code == 403
    assert graph_state(driver) == before
    if role == "analyst":  # analysts see the family, without a way to change it
        assert "Add a person" not in client.get("/families/fam-1").get_data(as_text=True)


def test_only_coordinators_record_a_new_family(app, family, driver):
    make_professional(driver, "pro-sw", name="Pro SW")
    involve(driver, "pro-sw", "amy")
    client = client_as(app, "practitioner", "pro-sw")
    assert client.get("/families/new").status_code == 403
