"""The admins' audit trail: filters by ids, action, outcome and dates; ids, not names."""

import re
from datetime import date

from tests.support.graph import involve, make_family, make_professional
from tests.support.web import make_user, sign_in


def test_admins_filter_the_trail(app, driver):
    make_family(driver, "fam-1", "Test family", given_name="Amy")
    make_professional(driver, "pro-1")
    involve(driver, "pro-1", "fam-1-child")
    viewer = make_user(app, "practitioner", "pro-1")
    outsider = make_user(app, "analyst")
    viewer_client = app.test_client()
    sign_in(viewer_client, viewer)
    viewer_client.get("/families/fam-1")
    admin = app.test_client()
    sign_in(admin, make_user(app, "admin"))
    sign_in(app.test_client(), outsider, password="wrong password here")

    by_family = admin.get("/audit?target_id=fam-1").get_data(as_text=True)
    assert "view_family" in by_family and viewer["email"] in by_family
    assert "Amy" not in by_family  # the trail holds ids, never family members' names

    denied = admin.get("/audit?action=sign_in&outcome=denied").get_data(as_text=True)
    assert outsider["email"] in denied and viewer["email"] not in denied

    today = date.today().isoformat()
    assert "view_family" in admin.get(f"/audit?since={today}&until={today}").get_data(as_text=True)
    assert "No events match" in admin.get("/audit?until=2000-01-01").get_data(as_text=True)


def test_a_bad_date_filter_says_which_field(app):
    admin = app.test_client()
    sign_in(admin, make_user(app, "admin"))
    response = admin.get("/audit?since=yesterday&action=drop_everything")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    # Each message at its own field, and both in the summary above the form.
    assert re.search(r'id="since-error"[^>]*>\s*<span[^>]*>Error:</span> Enter the &#39;from&#39; '
                     r'date as YYYY-MM-DD', html)
    assert re.search(r'id="action-error"[^>]*>\s*<span[^>]*>Error:</span> Choose an action', html)
    assert html.count('href="#since"') == 1 and html.count('href="#action"') == 1
