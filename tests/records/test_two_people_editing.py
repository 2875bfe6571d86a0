"""Two people editing one record at once: the second save is refused, shows the record as it
is now and keeps what the second person typed; nothing the first person saved is lost."""

import re
from datetime import date

from tests.records.conftest import day_month_year
from tests.support.web import client_as, csrf_token


def open_form(client, page):
    html = client.get(page).get_data(as_text=True)
    version = re.search(r'id="version" name="version" type="hidden" value="(\d+)"', html)
    return csrf_token(html), version.group(1)


def identity(family_name, dob, version, token):
    return {"given_name": "Amy", "family_name": family_name, **day_month_year("dob", dob),
            "gender": "female", "version": version, "csrf_token": token}


def test_the_second_save_is_refused_and_nothing_is_lost(app, family, driver):
    first, second = client_as(app, "coordinator"), client_as(app, "coordinator")
    page = "/people/amy/identity"
    token_1, version_1 = open_form(first, page)
    token_2, version_2 = open_form(second, page)
    assert version_1 == version_2 == "0"

    saved = first.post(page, data=identity("Hughes", date(2018, 5, 1), version_1, token_1))
    assert saved.status_code == 302

    refused = second.post(page, data=identity("Test", date(2018, 5, 2), version_2, token_2))
    html = refused.get_data(as_text=True)
    assert refused.status_code == 409
    assert "Changed by someone else since you opened it" in html
    current = html.split('id="current-values"')[1].split("</dl>")[0]
    assert "Hughes" in current  # the record as it is now
    assert 'name="dob-day" type="text" value="2"' in html  # the second person's entry, kept
    amy = driver.execute_query("MATCH (c:Child {id: 'amy'}) RETURN c.family_name AS name, "
                               "c.dob AS dob, c.version AS version").records[0]
    assert (amy["name"], amy["dob"].to_native(), amy["version"]) == \
        ("Hughes", date(2018, 5, 1), 1)

    # Having seen the record as it is now, the second person may still save their change.
    again = second.post(page, data=identity("Test", date(2018, 5, 2), "1", token_2))
    assert again.status_code == 302
    amy = driver.execute_query("MATCH (c:Child {id: 'amy'}) RETURN c.dob AS dob, "
                               "c.version AS version").records[0]
    assert (amy["dob"].to_native(), amy["version"]) == (date(2018, 5, 2), 2)


def test_a_plan_changed_by_two_people(app, family, driver):
    driver.execute_query("MATCH (c:Child {id: 'amy'}) CREATE (c)-[:SUBJECT_OF]->(:Plan {id: "
                         "'plan-1', type: 'CIN', start: date('2026-01-05')})")
    first, second = client_as(app, "coordinator"), client_as(app, "coordinator")
    page = "/people/amy/plans/plan-1"
    token_1, version = open_form(first, page)
    token_2, _ = open_form(second, page)
    plan = {"type": "CIN", "category": "", **day_month_year("start", date(2026, 1, 5))}
    assert first.post(page, data={**plan, **day_month_year("next_review", date(2026, 7, 1)),
                                  "version": version, "csrf_token": token_1}).status_code == 302
    refused = second.post(page, data={**plan, **day_month_year("end", date(2026, 2, 1)),
                                      "version": version, "csrf_token": token_2})
    assert refused.status_code == 409
    row = driver.execute_query("MATCH (p:Plan {id: 'plan-1'}) RETURN p.end AS end, "
                               "p.next_review AS review").records[0]
    assert row["end"] is None and row["review"].to_native() == date(2026, 7, 1)
