"""Search by name: typo- and accent-tolerant, by POST, within the need-to-know rule."""

from datetime import date

import pytest

from app.search.query import fulltext_query, terms
from tests.support.demo import load_demo
from tests.support.graph import make_family
from tests.support.store import audit_events
from tests.support.web import make_user, post_form, sign_in


@pytest.fixture
def demo(db, app):
    load_demo(app, "demo password here")


def search(client, name, dob=""):
    return post_form(client, "/search", "/search", {"name": name, "dob": dob}).get_data(as_text=True)


def practitioner(app):
    client = app.test_client()
    sign_in(client, make_user(app, "practitioner", "demo-pro-osei"))  # Grace Osei's account
    return client


def test_a_practitioner_finds_a_child_they_work_with_despite_typos(app, demo):
    html = search(practitioner(app), "Amria Clark")
    assert "Amira Clarke" in html
    assert 'href="/families/demo-fam-clarke"' in html and "Clarke family" in html


def test_other_families_are_offered_as_break_glass_without_their_details(app, demo):
    html = search(practitioner(app), "Kacper Kowalski")
    assert "Kacper Kowalski" in html
    assert "Kowalski family" not in html and "Mill Lane" not in html
    assert "A family you are not involved with" in html and "break-glass" in html


def test_a_coordinator_sees_every_family(app, demo):
    client = app.test_client()
    sign_in(client, make_user(app, "coordinator"))
    assert "Kowalski family" in search(client, "kowalski")


def test_accents_and_date_of_birth_tell_namesakes_apart(app, driver):
    make_family(driver, "fam-a", "First", given_name="Zoë", family_name="Brontë", dob=date(2015, 3, 1))
    make_family(driver, "fam-b", "Second", given_name="Zoe", family_name="Bronte", dob=date(2019, 7, 9))
    driver.execute_query("CALL db.awaitIndexes(60)")
    client = app.test_client()
    sign_in(client, make_user(app, "analyst"))
    both = search(client, "zoe bronte")
    assert "First" in both and "Second" in both
    one = search(client, "Zoe Bronte", dob="2019-07-09")
    assert "Second" in one and "First" not in one


def test_the_search_is_audited_without_what_was_typed(app, demo, driver):
    search(practitioner(app), "Amira")
    [event] = audit_events(app, action="search")
    assert "Amira" not in str(event)


@pytest.mark.parametrize("text", ['Amira AND (', 'name:"x" OR *', "~~~", "!!!"])
def test_query_syntax_in_the_input_is_harmless(app, demo, text):
    html = search(practitioner(app), text)
    assert "There is a problem" in html or "found" in html


@pytest.mark.no_graph
def test_terms_are_reduced_to_letters_and_digits():
    assert terms("Zoë O'Brien-Smith") == ["zoe", "o", "brien", "smith"]
    assert fulltext_query("(a) OR b:*") == "a* AND or* AND b*"
    assert fulltext_query("   ") is None


def test_the_search_form_posts_so_names_stay_out_of_urls(app, demo):
    html = practitioner(app).get("/search").get_data(as_text=True)
    assert 'method="post"' in html and 'action="/search"' in html


def test_admins_cannot_search(app):
    client = app.test_client()
    sign_in(client, make_user(app, "admin"))
    assert client.get("/search").status_code == 403
