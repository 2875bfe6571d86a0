"""The analysts' name pickers in a real browser: a name typed, a person chosen by mouse or
keyboard, their id filled in, and the connection found; names never in a URL, and a
hostile name shown as text."""

import re

from tests.browser.test_map_in_browser import DEMO_PASSWORD, MALICIOUS, sign_in
from tests.support.demo import load_demo
from tests.support.graph import make_family
from tests.support.web import make_user


def analyst_on(page, app, live_server, path):
    load_demo(app, DEMO_PASSWORD)
    analyst = make_user(app, "analyst")
    sign_in(page, live_server, analyst["email"], analyst["password"])
    urls = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(f"{live_server}{path}")
    return urls


def test_an_analyst_finds_a_connection_by_names(app, db, live_server, page):
    urls = analyst_on(page, app, live_server, "/analysis/connections")
    page.fill("#from-name", "Craig Wal")
    page.get_by_role("option", name=re.compile("^Craig Walsh")).click()
    assert page.input_value("#from") == "demo-per-craig-walsh"
    # By keyboard: the first suggestion, chosen with the arrow and Enter.
    page.fill("#to-name", "Amira Clar")
    page.get_by_role("option", name=re.compile("^Amira Clarke")).wait_for()
    page.press("#to-name", "ArrowDown")
    page.keyboard.press("Enter")
    assert page.input_value("#to") == "demo-per-amira-clarke"
    page.get_by_role("button", name="Find connections").click()
    page.wait_for_selector("#path-list, #no-path")
    assert "from=demo-per-craig-walsh" in page.url
    assert not [url for url in urls if "Craig" in url or "Amira" in url]
    page.watch.assert_clean()


def test_no_such_person_is_said_and_a_hostile_name_is_text(app, db, live_server, page, driver):
    make_family(driver, "fam-x", "X family", child_id="hostile", given_name=MALICIOUS,
                family_name="Zyxwv")
    analyst_on(page, app, live_server, "/analysis/neighbourhood")
    page.fill("#id-name", "Qqqqzz Nobody")
    page.get_by_text("No such person").wait_for()
    page.fill("#id-name", "Zyxwv")
    option = page.get_by_role("option", name=re.compile("Zyxwv"))
    assert "<img src=x" in option.inner_text()
    assert page.locator("[role=listbox] img").count() == 0
    option.click()
    assert page.input_value("#id") == "hostile"
    page.watch.assert_clean()
