"""Each gap rule against a family that has the gap and a near miss that does not."""

from datetime import date, timedelta

import pytest

from app.gaps.engine import find_gaps
from tests.support.graph import (
    add_adult,
    add_child,
    add_plan,
    involve,
    make_family,
    make_professional,
)

TODAY = date.today()


def years_ago(years: int, days: int = 0) -> date:
    try:
        anniversary = TODAY.replace(year=TODAY.year - years)
    except ValueError:  # 29 February
        anniversary = TODAY.replace(year=TODAY.year - years, day=28)
    return anniversary - timedelta(days=days)


@pytest.fixture
def pros(driver):
    for key, agency in (("sw", "childrens_social_care"), ("hv", "health_visiting"),
                        ("gp", "gp"), ("school", "school"), ("police", "police"),
                        ("probation", "probation"), ("kw", "voluntary")):
        make_professional(driver, f"pro-{key}", name=f"Pro {key}", agency_type=agency)


def rules_for(app, db, family_id):
    return {g.rule for g in find_gaps(db, app.config["GAP_RULES"], family_id=family_id)}


def gaps_of(app, db, rule):
    return [g for g in find_gaps(db, app.config["GAP_RULES"]) if g.rule == rule]


def test_cp_without_a_social_worker(app, db, driver, pros):
    make_family(driver, "gap", "Gap", dob=years_ago(8))
    add_plan(driver, "gap-child", "CP", TODAY - timedelta(days=30))
    involve(driver, "pro-sw", "gap-child", ended_days_ago=1)  # ended yesterday
    make_family(driver, "ok", "Near miss", dob=years_ago(8))
    add_plan(driver, "ok-child", "CP", TODAY - timedelta(days=30))
    involve(driver, "pro-sw", "ok-child")
    assert [g.child_id for g in gaps_of(app, db, "cp-no-social-worker")] == ["gap-child"]


def test_plan_without_exactly_one_lead(app, db, driver, pros):
    make_family(driver, "none", "No lead")
    add_plan(driver, "none-child", "CIN", TODAY - timedelta(days=10))
    involve(driver, "pro-sw", "none-child")
    make_family(driver, "two", "Two leads")
    add_plan(driver, "two-child", "EARLY_HELP", TODAY - timedelta(days=10))
    involve(driver, "pro-sw", "two-child", lead=True)
    involve(driver, "pro-kw", "two-child", role="key_worker", lead=True)
    make_family(driver, "ok", "One lead")
    add_plan(driver, "ok-child", "CIN", TODAY - timedelta(days=10))
    involve(driver, "pro-sw", "ok-child", lead=True)
    found = {g.child_id: g.facts["leads"] for g in gaps_of(app, db, "plan-no-lead")}
    assert found == {"none-child": 0, "two-child": 2}


def test_under_five_without_a_health_visitor(app, db, driver, pros):
    make_family(driver, "gap", "Gap", dob=TODAY - timedelta(days=300))
    involve(driver, "pro-hv", "gap-child", role="health_visitor", ended_days_ago=1)
    add_child(driver, "gap", "gap-unborn", None, unborn=True)
    add_plan(driver, "gap-unborn", "PRE_BIRTH", TODAY - timedelta(days=5))
    make_family(driver, "ok", "Near miss", dob=TODAY - timedelta(days=300))
    involve(driver, "pro-hv", "ok-child", role="health_visitor")
    add_child(driver, "ok", "ok-unborn", None, unborn=True)  # unborn, no plan: not a gap
    make_family(driver, "five", "Turned five yesterday", dob=years_ago(5, 1))
    found = sorted(g.child_id for g in gaps_of(app, db, "under5-no-health-visitor"))
    assert found == ["gap-child", "gap-unborn"]


def test_school_age_without_a_school(app, db, driver, pros):
    make_family(driver, "five", "Turned five yesterday", dob=years_ago(5, 1))
    make_family(driver, "four", "Five tomorrow", dob=years_ago(5, -1))
    make_family(driver, "ok", "At school", dob=years_ago(9))
    involve(driver, "pro-school", "ok-child", role="designated_safeguarding_lead")
    make_family(driver, "old", "Seventeen", dob=years_ago(17))
    assert [g.child_id for g in gaps_of(app, db, "school-age-no-school")] == ["five-child"]


def test_no_gp(app, db, driver, pros):
    make_family(driver, "gap", "Gap")
    involve(driver, "pro-gp", "gap-child", role="gp", ended_days_ago=3)
    make_family(driver, "ok", "Near miss")
    involve(driver, "pro-gp", "ok-child", role="gp")
    assert [g.child_id for g in gaps_of(app, db, "no-gp")] == ["gap-child"]


def test_cp_with_too_few_agencies(app, db, driver, pros):
    make_family(driver, "gap", "Two agencies")
    add_plan(driver, "gap-child", "CP", TODAY - timedelta(days=30))
    for pro in ("pro-sw", "pro-gp"):
        involve(driver, pro, "gap-child")
    make_family(driver, "ok", "Three agencies")
    add_plan(driver, "ok-child", "CP", TODAY - timedelta(days=30))
    for pro in ("pro-sw", "pro-gp", "pro-school"):
        involve(driver, pro, "ok-child")
    found = gaps_of(app, db, "cp-too-few-agencies")
    assert [(g.child_id, g.facts["agencies"]) for g in found] == [("gap-child", 2)]


def test_sibling_unseen(app, db, driver, pros):
    make_family(driver, "gap", "Gap")
    add_plan(driver, "gap-child", "CP", TODAY - timedelta(days=30))
    involve(driver, "pro-sw", "gap-child")
    add_child(driver, "gap", "gap-sibling", years_ago(3))
    make_family(driver, "ok", "Sibling known")
    add_plan(driver, "ok-child", "CP", TODAY - timedelta(days=30))
    add_child(driver, "ok", "ok-sibling", years_ago(3))
    involve(driver, "pro-hv", "ok-sibling", role="health_visitor")
    assert [g.child_id for g in gaps_of(app, db, "sibling-unseen")] == ["gap-sibling"]


def test_adult_known_to_probation_not_linked(app, db, driver, pros):
    make_family(driver, "gap", "Gap")
    add_adult(driver, "gap", "gap-partner", role="partner")
    involve(driver, "pro-probation", "gap-partner", role="probation_officer")
    make_family(driver, "ok", "Officer in the child's team")
    add_adult(driver, "ok", "ok-partner", role="partner")
    make_professional(driver, "pro-probation-2", agency_type="probation")
    involve(driver, "pro-probation-2", "ok-partner", role="probation_officer")
    involve(driver, "pro-probation-2", "ok-child", role="probation_officer")
    assert [g.person_id for g in gaps_of(app, db, "adult-risk-unlinked")] == ["gap-partner"]


def test_handover_gap(app, db, driver, pros):
    make_family(driver, "gap", "Lead left")
    involve(driver, "pro-sw", "gap-child", lead=True, ended_days_ago=0)
    make_family(driver, "late", "Successor after the window", dob=years_ago(6))
    involve(driver, "pro-sw", "late-child", ended_days_ago=40)
    involve(driver, "pro-kw", "late-child", since=TODAY - timedelta(days=20), ended_days_ago=5)
    make_family(driver, "ok", "Handed over")
    involve(driver, "pro-sw", "ok-child", ended_days_ago=12)
    involve(driver, "pro-kw", "ok-child", since=TODAY - timedelta(days=11))
    found = {g.child_id: g.severity for g in gaps_of(app, db, "handover-gap")}
    assert found["gap-child"] == "high"
    assert "ok-child" not in found
    assert found["late-child"] == "medium"


def test_stale_contact(app, db, driver, pros):
    make_family(driver, "gap", "Gap")
    make_family(driver, "ok", "Near miss")
    involve(driver, "pro-gp", "gap-child", role="gp")
    involve(driver, "pro-gp", "ok-child", role="gp")
    driver.execute_query("MATCH ()-[i:INVOLVED_WITH]->(c) SET i.last_contact = "
                         "CASE c.id WHEN 'gap-child' THEN $stale ELSE $fresh END",
                         stale=TODAY - timedelta(days=91), fresh=TODAY - timedelta(days=89))
    found = gaps_of(app, db, "stale-contact")
    assert [(g.child_id, g.facts["days"]) for g in found] == [("gap-child", 91)]


def test_cp_review_overdue(app, db, driver, pros):
    make_family(driver, "gap", "Gap")
    add_plan(driver, "gap-child", "CP", TODAY - timedelta(days=200), next_review=TODAY - timedelta(days=1))
    make_family(driver, "first", "No date, first review overdue")
    add_plan(driver, "first-child", "CP", TODAY - timedelta(days=100))
    make_family(driver, "ok", "Review today")
    add_plan(driver, "ok-child", "CP", TODAY - timedelta(days=200), next_review=TODAY)
    found = sorted(g.child_id for g in gaps_of(app, db, "cp-review-overdue"))
    assert found == ["first-child", "gap-child"]


def test_cp_without_nhs_number(app, db, driver, pros):
    make_family(driver, "gap", "Gap")
    add_plan(driver, "gap-child", "LAC", TODAY - timedelta(days=10))
    make_family(driver, "ok", "Has a number")
    add_plan(driver, "ok-child", "CP", TODAY - timedelta(days=10))
    driver.execute_query("MATCH (c:Child {id: 'ok-child'}) SET c.nhs_number = '943 476 5919'")
    make_family(driver, "ended", "Plan ended")
    add_plan(driver, "ended-child", "CP", TODAY - timedelta(days=300), end=TODAY - timedelta(days=1))
    assert [g.child_id for g in gaps_of(app, db, "cp-no-nhs-number")] == ["gap-child"]


def test_one_familys_gaps_only(app, db, driver, pros):
    make_family(driver, "a", "A")
    make_family(driver, "b", "B")
    assert rules_for(app, db, "a") == {"no-gp", "school-age-no-school"}  # an 8-year-old
    assert {g.family_id for g in find_gaps(db, app.config["GAP_RULES"], family_id="a")} == {"a"}


def test_gaps_that_reveal_a_sensitive_service_need_a_need_to_know(app, db, driver, pros):
    from tests.support.web import make_user, sign_in

    make_family(driver, "fam", "Family")
    add_adult(driver, "fam", "mum", role="parent")
    make_professional(driver, "pro-cpn", name="Nurse", agency_type="adult_mental_health")
    involve(driver, "pro-cpn", "mum", role="care_coordinator")
    involve(driver, "pro-gp", "fam-child", role="gp")
    involve(driver, "pro-sw", "fam-child", lead=True)
    gp, lead = app.test_client(), app.test_client()
    sign_in(gp, make_user(app, "practitioner", "pro-gp"))
    sign_in(lead, make_user(app, "practitioner", "pro-sw"))
    assert [g["rule"] for g in lead.get("/api/v1/gaps?family=fam").get_json()["gaps"]
            if g["rule"] == "adult-risk-unlinked"] == ["adult-risk-unlinked"]
    assert "adult-risk-unlinked" not in {
        g["rule"] for g in gp.get("/api/v1/gaps?family=fam").get_json()["gaps"]}
    assert "Adult known to adult services" not in gp.get("/families/fam").get_data(as_text=True)
    analyst = app.test_client()
    sign_in(analyst, make_user(app, "analyst"))
    assert "Adult known to adult services" not in analyst.get("/gaps").get_data(as_text=True)
