"""Sensitive services stay hidden from analysts in every analysis and every export, by the
one rule of app/access.py (a professional's own mark, their agency's type, or the role of
the involvement), whatever the query returned; coordinators see them."""

import pytest

from tests.support.demo import load_demo
from tests.support.graph import involve, make_professional
from tests.support.web import make_user, post_form, sign_in

HIDDEN = ("Sam Hidden", "Ivy Plain", "Maria Lopez")


@pytest.fixture
def area(app, driver):
    load_demo(app, "demo password here")
    # Sensitive by agency type alone (no mark of his own): adult mental health.
    make_professional(driver, "pro-sam", name="Sam Hidden", agency_type="adult_mental_health")
    for person in ("demo-per-jade-price", "demo-per-mia-walsh", "demo-per-sarah-bennett"):
        involve(driver, "pro-sam", person, role="key_worker")
    # Sensitive by the role of the involvement alone: a domestic abuse adviser (IDVA) of a
    # voluntary agency, not marked; lead for a child on a child protection plan.
    make_professional(driver, "pro-ivy", name="Ivy Plain", agency_type="voluntary")
    involve(driver, "pro-ivy", "demo-per-amira-clarke", role="idva", lead=True)
    involve(driver, "pro-ivy", "demo-per-leo-walsh", role="idva")
    # Maria Lopez, the demo's IDVA, is sensitive by her own mark.
    return {role: make_user(app, role) for role in ("analyst", "coordinator")}


def saved(name: str, **values):
    return ("POST", f"/analysis/saved?query={name}", {"query": name, **values})


JADE_TO_SARAH = "from=demo-per-jade-price&to=demo-per-sarah-bennett"
CASES = {
    # name: (method, url, form data or None, what a coordinator sees there)
    # Jade and Sarah are linked through Craig, and through Sam; Amira and Leo through their
    # GP, and through Ivy.
    "paths through an adult mental health worker": (
        "GET", f"/analysis/connections?{JADE_TO_SARAH}", None, "Sam Hidden"),
    "paths through an IDVA by role": (
        "GET", "/analysis/connections?from=demo-per-amira-clarke&to=demo-per-leo-walsh", None,
        "Ivy Plain"),
    "paths API": ("GET", f"/api/v1/connections?{JADE_TO_SARAH}", None, "Sam Hidden"),
    **{f"paths as {fmt}": (
        "GET", f"/analysis/connections?{JADE_TO_SARAH}&format={fmt}", None,
        "Sam Hidden") for fmt in ("graphml", "gexf", "json", "csv")},
    "neighbourhood, professionals at the last hop": (
        "GET", "/analysis/neighbourhood?id=demo-fam-price&hops=2", None, "Sam Hidden"),
    "neighbourhood, an involvement in a sensitive role": (
        "GET", "/analysis/neighbourhood?id=demo-per-amira-clarke&hops=1", None, "Ivy Plain"),
    **{f"neighbourhood as {fmt}": (
        "GET", f"/analysis/neighbourhood?id=demo-fam-price&hops=2&format={fmt}", None,
        "Maria Lopez") for fmt in ("graphml", "gexf", "json", "csv")},
    "measures page": ("GET", "/analysis/measures", None, "Sam Hidden"),
    "caseloads CSV": ("GET", "/analysis/measures?download=caseloads", None, "Ivy Plain"),
    "age bands CSV": ("GET", "/analysis/measures?download=age_bands", None, "adult_mental_health"),
    "saved: professionals with most cases": (
        *saved("professionals_with_most_cases", min_children="1"), "Sam Hidden"),
    "saved: families sharing a professional": (
        *saved("families_sharing_a_professional", professional_id="pro-sam"), "Bennett family"),
    "saved: children on plans and their lead": (
        *saved("children_on_plans_by_type", plan_type="CP"), "Ivy Plain"),
}


def fetch(client, method, url, data):
    if method == "POST":
        return post_form(client, url.split("?")[0], url, data)
    return client.get(url)


@pytest.mark.parametrize("role", ["analyst", "coordinator"])
@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_sensitive_services_in_every_analysis(app, area, case, role):
    method, url, data, seen_by_coordinator = CASES[case]
    client = app.test_client()
    sign_in(client, area[role])
    response = fetch(client, method, url, data)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    if role == "coordinator":
        assert seen_by_coordinator in body
    else:
        for name in (*HIDDEN, "adult_mental_health"):
            assert name not in body, name
        if "path" in case:  # the paths that avoid the sensitive service are still there
            assert "Craig Walsh" in body or "Dr " in body or "fraser" in body.lower()
