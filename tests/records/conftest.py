"""A small family to record and correct: Amy (a child), her mother Sam, one household."""

import re
from datetime import date

import pytest

from tests.support.graph import add_adult, make_family, make_professional
from tests.support.web import client_as, make_user, post_form, sign_in


@pytest.fixture
def family(driver):
    make_family(driver, "fam-1", "Test family", child_id="amy", dob=date(2018, 5, 1))
    add_adult(driver, "fam-1", "sam", given_name="Sam", role="parent")
    driver.execute_query(
        "MATCH (a:Person {id: 'amy'}), (s:Person {id: 'sam'}) "
        "CREATE (h:Household {id: 'home-1', address: '1 Test Street', postcode: 'TE1 1ST'}) "
        "CREATE (a)-[:LIVES_AT {`from`: date('2019-01-01')}]->(h) "
        "CREATE (s)-[:LIVES_AT {`from`: date('2019-01-01')}]->(h) "
        "CREATE (s)-[:PARENT_OF {kind: 'birth'}]->(a)")
    return "fam-1"


@pytest.fixture
def coordinator(app, family):
    return client_as(app, "coordinator")


def graph_state(driver) -> list[str]:
    """Every node and relationship with its properties, to compare before and after; all
    but the gaps as last checked (GapState, GapRun, and GapTally and FamilyGaps: the counts
    of a tally or family met on the way stay, at 0), which keep the history of each check:
    a merge and its undo leave there a gap closed and opened again."""
    nodes = driver.execute_query(
        "MATCH (n) WHERE NOT n:GapState AND NOT n:GapRun AND NOT n:GapTally AND NOT n:FamilyGaps "
        "RETURN labels(n) AS l, properties(n) AS p").records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p"
    ).records
    # Properties compared as sets of pairs: the order Neo4j gives them in is not the data.
    return sorted(repr(sorted((key, sorted(value.items()) if isinstance(value, dict) else value)
                              for key, value in r.data().items()))
                  for r in [*nodes, *rels])


def day_month_year(name: str, value: date) -> dict:
    return {f"{name}-day": str(value.day), f"{name}-month": str(value.month),
            f"{name}-year": str(value.year)}


def api_token(app, role: str, professional_id: str | None = None) -> dict:
    """Authorization headers with a personal API token of a new user of this role."""
    client = app.test_client()
    sign_in(client, make_user(app, role, professional_id))
    page = post_form(client, "/me/tokens", "/me/tokens", {"name": "records sync"})
    token = re.search(r'<code id="new-token">([^<]+)</code>', page.get_data(as_text=True)).group(1)
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def social_worker(driver, family):
    make_professional(driver, "pro-sw", name="Pro SW")
    return "pro-sw"
