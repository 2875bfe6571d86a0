"""An adult's page lists the professionals working with them, ongoing and ended, with the
same need-to-know rule as the family's team (a sensitive service only to those who may know)."""

from tests.support.graph import add_adult, involve, make_family, make_professional
from tests.support.web import client_as


def adult_with_services(driver) -> None:
    make_family(driver, "fam-1", "Test family", child_id="amy")
    add_adult(driver, "fam-1", "mum", given_name="Jo")
    make_professional(driver, "pro-probation", name="Pat Probation", agency_type="probation",
                      phone="01632 960111")
    involve(driver, "pro-probation", "mum", role="probation_officer")
    make_professional(driver, "pro-recovery", name="Rae Recovery",
                      agency_type="substance_misuse")
    involve(driver, "pro-recovery", "mum", role="recovery_worker")
    make_professional(driver, "pro-housing", name="Hal Housing", agency_type="housing")
    involve(driver, "pro-housing", "mum", role="housing_officer", ended_days_ago=10)
    make_professional(driver, "pro-sw", name="Sam Social")
    involve(driver, "pro-sw", "amy")
    make_professional(driver, "pro-school", name="Sue School", agency_type="school")
    involve(driver, "pro-school", "amy", role="designated_safeguarding_lead")


def professionals(html: str) -> str:
    return html.split('id="professionals"')[1].split("</table>")[0]


def test_an_adults_page_lists_who_works_with_them(app, driver):
    adult_with_services(driver)
    html = client_as(app, "coordinator").get("/people/mum").get_data(as_text=True)
    table = professionals(html)
    assert "Pat Probation" in table and "Rae Recovery" in table and "Hal Housing" in table
    assert 'href="tel:01632960111"' in table
    assert "Sam Social" not in table  # works with the child, not with her
    # Ongoing first; the ended one says when it ended.
    assert table.index("Hal Housing") > table.index("Pat Probation")
    assert table.count(">Now<") == 2


def test_a_sensitive_service_shows_only_to_those_who_may_know(app, driver):
    adult_with_services(driver)
    school = client_as(app, "practitioner", "pro-school")
    table = professionals(school.get("/people/mum").get_data(as_text=True))
    assert "Pat Probation" in table and "Rae Recovery" not in table
    # The child's social worker may know (as on the family's team).
    social_worker = client_as(app, "practitioner", "pro-sw")
    assert "Rae Recovery" in professionals(social_worker.get("/people/mum").get_data(as_text=True))
    recovery = client_as(app, "practitioner", "pro-recovery")
    assert "Rae Recovery" in professionals(recovery.get("/people/mum").get_data(as_text=True))
