"""The record forms in a real browser, as a keyboard user meets them: the error summary takes
the focus, its link takes them to the first box of the date, and a corrected form saves."""

from tests.browser.test_map_in_browser import sign_in
from tests.support.graph import make_family
from tests.support.web import make_user


def test_a_date_error_is_reached_by_keyboard_and_the_person_is_added(app, driver, live_server,
                                                                     page):
    make_family(driver, "fam-1", "Test family")
    user = make_user(app, "coordinator")
    sign_in(page, live_server, user["email"], user["password"])
    page.goto(f"{live_server}/families/fam-1/members/new")
    page.select_option("#kind", "child")
    page.select_option("#role", "child")
    page.fill("#given_name", "Noor")
    page.fill("#family_name", "Test")
    page.fill("#dob-day", "3")
    page.fill("#dob-year", "2024")
    page.get_by_role("button", name="Add to the family").click()

    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    # GOV.UK Frontend's error summary takes the focus once its script has started.
    page.wait_for_function(
        "document.activeElement && document.activeElement.classList.contains('govuk-error-summary')")
    link = summary.get_by_role("link", name="Date of birth must include a month")
    link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "dob-day"
    # What was typed is still there, and the boxes are marked as in error.
    assert page.input_value("#dob-day") == "3" and page.input_value("#dob-year") == "2024"
    assert "govuk-input--error" in page.get_attribute("#dob-month", "class")

    page.fill("#dob-month", "2")
    page.get_by_role("button", name="Add to the family").click()
    page.wait_for_url(f"{live_server}/families/fam-1")
    members = page.locator("table").first.inner_text()
    assert "Noor Test" in members
    # The form sent back with its errors answers 400, which the browser reports as such;
    # nothing else may go wrong on the page.
    page.watch.errors = [e for e in page.watch.errors if "status of 400" not in e]
    page.watch.assert_clean()
