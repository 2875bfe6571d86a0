"""A child's team as the team and alert tests start from it."""

from __future__ import annotations

from datetime import date, timedelta

from tests.support.graph import involve, make_family, make_professional
from tests.support.web import make_user


def child_team(application, driver) -> dict:
    """Amy (fam-1-child, of "Test family"), whose team is a lead social worker and a GP; a
    health visitor, a school's safeguarding lead and a police officer work in the area, not
    with her. Each professional has a practitioner account: the accounts by key (sw, hv,
    gp, school, outsider)."""
    make_family(driver, "fam-1", "Test family", given_name="Amy")
    people = {}
    for key, agency in (("sw", "childrens_social_care"), ("hv", "health_visiting"),
                        ("gp", "gp"), ("school", "school"), ("outsider", "police")):
        make_professional(driver, f"pro-{key}", name=f"Pro {key.upper()}", agency_type=agency)
        people[key] = make_user(application, "practitioner", f"pro-{key}")
    involve(driver, "pro-sw", "fam-1-child", lead=True, since=date.today() - timedelta(days=100))
    involve(driver, "pro-gp", "fam-1-child", role="gp", since=date.today() - timedelta(days=900))
    return people
