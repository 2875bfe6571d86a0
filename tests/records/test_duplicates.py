"""Possible duplicates, merging and undoing, as a coordinator does them: what the scan flags
(and does not), the pair side by side, the merge with its check page, old links following the
merge, an undo that gives back exactly the graph as it was, and "not the same person"."""

import re
from datetime import date

import pytest

from app.extensions import get_db
from app.records import duplicates
from tests.records.conftest import graph_state
from tests.support.graph import involve, make_professional
from tests.support.store import audit_events
from tests.support.web import client_as, csrf_token, post_form


def person(driver, person_id, given, family, dob=None, nhs=None, kind="Child", family_id=None,
           role="child", home=None):
    driver.execute_query(
        f"CREATE (p:Person:{kind} {{id: $id, given_name: $given, family_name: $family, "
        "dob: $dob, nhs_number: $nhs}) "
        "WITH p OPTIONAL MATCH (f:Family {id: $family_id}) "
        "FOREACH (_ IN CASE WHEN f IS NULL THEN [] ELSE [1] END | "
        "  CREATE (p)-[:MEMBER_OF {role: $role}]->(f)) "
        "WITH p MERGE (h:Household {id: coalesce($home, 'none')}) "
        "FOREACH (_ IN CASE WHEN $home IS NULL THEN [] ELSE [1] END | "
        "  CREATE (p)-[:LIVES_AT {`from`: date('2020-01-01')}]->(h))",
        id=person_id, given=given, family=family, dob=dob, nhs=nhs, family_id=family_id,
        role=role, home=home)


def flagged(app) -> dict[tuple[str, str], set[str]]:
    with app.app_context():
        return duplicates.scan(get_db()).pairs


def test_the_scan_flags_what_a_typist_varies_and_not_twins(app, driver):
    dob = date(2015, 3, 1)
    person(driver, "a1", "Jon", "Smith", dob)
    person(driver, "a2", "John", "Smith", dob)  # a typo
    person(driver, "b1", "Zoë", "O'Brien", date(2016, 1, 2))
    person(driver, "b2", "Zoe", "OBrien", date(2016, 1, 2))  # accents, apostrophe
    person(driver, "c1", "Ama", "Smith-Jones", date(2017, 5, 5))
    person(driver, "c2", "Ama", "Smith", date(2017, 5, 5))  # double-barrelled, one half
    person(driver, "d1", "Osei", "Kofi", date(2018, 7, 7))
    person(driver, "d2", "Kofi", "Osei", date(2018, 7, 7))  # swapped
    person(driver, "t1", "Jack", "Hughes", date(2019, 9, 9))
    person(driver, "t2", "Jake", "Hughes", date(2019, 9, 9))  # twins
    person(driver, "n1", "Liam", "Price", date(2012, 1, 1), nhs="943 476 5919")
    person(driver, "n2", "William", "Price", date(2012, 1, 1), nhs="943 476 5919")
    person(driver, "h1", "Craig", "Walsh", date(1980, 1, 1), kind="Adult", home="hh-1")
    person(driver, "h2", "Craig", "Walsh", date(1981, 1, 1), kind="Adult", home="hh-1")
    person(driver, "f1", "Dan", "Kerr", date(1960, 1, 1), kind="Adult", home="hh-2")
    person(driver, "f2", "Dan", "Kerr", date(1990, 1, 1), kind="Adult", home="hh-2")
    driver.execute_query("MATCH (a:Person {id: 'f1'}), (b:Person {id: 'f2'}) "
                         "CREATE (a)-[:PARENT_OF {kind: 'birth'}]->(b)")  # father and son
    pairs = flagged(app)
    assert pairs == {("a1", "a2"): {"name_and_dob"}, ("b1", "b2"): {"name_and_dob"},
                     ("c1", "c2"): {"name_and_dob"}, ("d1", "d2"): {"name_and_dob"},
                     ("n1", "n2"): {"nhs_number"}, ("h1", "h2"): {"household"}}


@pytest.fixture
def twice(driver):
    """Amy recorded twice: once by hand in family 1 with a social worker, once by an import
    in family 1 and family 2, with a home, a plan, a parent and a health visitor."""
    driver.execute_query(
        "CREATE (f1:Family {id: 'fam-1', name: 'Hughes'}), (f2:Family {id: 'fam-2', name: 'Walsh'})"
        " CREATE (k:Person:Child {id: 'kept', given_name: 'Amy', family_name: 'Hughes', "
        "         dob: date('2018-05-01'), version: 2})-[:MEMBER_OF {role: 'child'}]->(f1)"
        " CREATE (r:Person:Child {id: 'dup', given_name: 'Amy', family_name: 'Hughs', "
        "         dob: date('2018-05-01'), nhs_number: '943 476 5919', source: 'annex-a'})"
        " CREATE (r)-[:MEMBER_OF {role: 'child', source: 'annex-a'}]->(f1)"
        " CREATE (r)-[:MEMBER_OF {role: 'child'}]->(f2)"
        " CREATE (r)-[:LIVES_AT {`from`: date('2020-02-02')}]->(:Household {id: 'hh', "
        "         address: '1 Road', postcode: 'AB1 2CD'})"
        " CREATE (r)-[:SUBJECT_OF]->(:Plan {id: 'plan', type: 'CP', category: 'neglect', "
        "         start: date('2026-01-01')})"
        " CREATE (m:Person:Adult {id: 'mum', given_name: 'Jo', family_name: 'Walsh'})"
        "        -[:MEMBER_OF {role: 'parent'}]->(f2)"
        " CREATE (m)-[:PARENT_OF {kind: 'birth'}]->(r)")
    make_professional(driver, "pro-sw", name="Pro SW")
    make_professional(driver, "pro-hv", name="Pro HV", agency_type="health_visiting")
    involve(driver, "pro-sw", "kept", lead=True)
    involve(driver, "pro-hv", "dup", role="health_visitor")
    return {"kept": "kept", "dup": "dup"}


def merge_through_the_pages(client, key, kept="kept", reason="Same child: NHS number checked"):
    page = f"/duplicates/{key}"
    check = post_form(client, page, f"{page}/merge", {"kept_id": kept, "reason": reason})
    assert check.status_code == 200 and 'id="check-answers"' in check.get_data(as_text=True)
    done = post_form(client, page, f"{page}/merge", {"kept_id": kept, "reason": reason,
                                                     "confirmed": "yes"})
    assert done.status_code == 302, done.get_data(as_text=True)
    return done


def test_merge_then_undo_gives_back_exactly_the_graph(app, driver, twice):
    coordinator = client_as(app, "coordinator")
    before = graph_state(driver)
    with app.app_context():
        duplicates.save(get_db(), duplicates.scan(get_db()))
    after_scan = graph_state(driver)  # the scan's own pair record is part of "before"
    listing = coordinator.get("/duplicates").get_data(as_text=True)
    assert "Amy Hughs" in listing and "Same date of birth, similar names" in listing
    side_by_side = coordinator.get("/duplicates/dup|kept").get_data(as_text=True)
    assert "Walsh" in side_by_side and "Pro HV" in side_by_side and "Pro SW" in side_by_side

    merge_through_the_pages(coordinator, "dup|kept")
    facts = driver.execute_query(
        "MATCH (k:Person {id: 'kept'}) RETURN k.nhs_number AS nhs, "
        "[(k)-[:MEMBER_OF]->(f) | f.id] AS families, [(k)<-[:PARENT_OF]-(p) | p.id] AS parents, "
        "[(k)-[:SUBJECT_OF]->(p) | p.id] AS plans, [(k)<-[i:INVOLVED_WITH]-(p) | p.id] AS team, "
        "[(k)-[:LIVES_AT]->(h) | h.id] AS homes, "
        "[(:Person {id: 'dup'})-[m:MERGED_INTO]->(k) | m.reason] AS tombstone, "
        "COUNT { (:Person {id: 'dup'})--() } AS left_on_dup").records[0]
    assert facts["nhs"] == "943 476 5919"  # filled in from the record merged
    assert sorted(facts["families"]) == ["fam-1", "fam-2"]  # fam-1 once, not twice
    assert facts["parents"] == ["mum"] and facts["plans"] == ["plan"]
    assert sorted(facts["team"]) == ["pro-hv", "pro-sw"] and facts["homes"] == ["hh"]
    assert facts["tombstone"] == ["Same child: NHS number checked"]
    assert facts["left_on_dup"] == 1  # only the tombstone link
    assert ("under5-no-health-visitor", "kept") not in {
        (g["rule"], g["child_id"])
        for g in coordinator.get("/api/v1/gaps?family=fam-1").get_json()["gaps"]}
    assert "dup|kept" not in coordinator.get("/duplicates").get_data(as_text=True)
    event = audit_events(app, action="change", target_id="kept")[-1]
    assert event["reason"] == "merged dup: nhs_number"

    person_page = coordinator.get("/people/kept").get_data(as_text=True)
    merge_id = re.search(r'action="/merges/([^/]+)/undo"', person_page).group(1)
    undone = coordinator.post(f"/merges/{merge_id}/undo",
                              data={"csrf_token": csrf_token(person_page)})
    assert undone.status_code == 302
    assert graph_state(driver) == after_scan
    assert before != after_scan  # (the comparison can tell graphs apart)
    # The merged record's gaps closed with the merge and are open again after the undo.
    assert driver.execute_query(
        "MATCH (s:GapState {subject_id: 'dup'}) RETURN collect(DISTINCT s.open) AS open"
    ).records[0]["open"] == [True]


def test_old_links_and_search_lead_to_the_record_kept(app, driver, twice):
    coordinator = client_as(app, "coordinator")
    with app.app_context():
        duplicates.save(get_db(), duplicates.scan(get_db()))
    merge_through_the_pages(coordinator, "dup|kept")
    assert coordinator.get("/people/dup").headers["Location"].endswith("/people/kept")
    assert coordinator.get("/children/dup").headers["Location"].endswith("/children/kept")
    found = post_form(coordinator, "/search", "/search", {"name": "Amy Hughs"})
    results = found.get_data(as_text=True).split('id="search-results"')[-1]
    assert "Amy Hughes" in results and "Amy Hughs" not in results


def test_a_merge_that_would_join_a_child_and_an_adult_is_refused(app, driver, twice):
    coordinator = client_as(app, "coordinator")
    driver.execute_query("CREATE (:DuplicatePair {key: 'kept|mum', a: 'kept', b: 'mum', "
                         "reasons: ['household']})")
    before = graph_state(driver)
    page = "/duplicates/kept|mum"
    response = post_form(coordinator, page, f"{page}/merge", {
        "kept_id": "kept", "reason": "Same", "confirmed": "yes"})
    assert response.status_code == 400
    assert "A child&#39;s record and an adult&#39;s cannot be merged" in \
        response.get_data(as_text=True)
    assert graph_state(driver) == before


def test_not_the_same_person_is_not_flagged_again(app, driver, twice):
    coordinator = client_as(app, "coordinator")
    assert post_form(coordinator, "/duplicates", "/duplicates/scan", {}).status_code == 302
    page = "/duplicates/dup|kept"
    response = post_form(coordinator, page, f"{page}/not-same",
                         {"reason": "Twins: checked with the school"})
    assert response.status_code == 302
    post_form(coordinator, "/duplicates", "/duplicates/scan", {})
    assert ("dup", "kept") not in flagged(app)
    assert "dup|kept" not in coordinator.get("/duplicates").get_data(as_text=True)


def test_undo_is_refused_when_the_kept_record_changed_since(app, driver, twice):
    coordinator = client_as(app, "coordinator")
    with app.app_context():
        duplicates.save(get_db(), duplicates.scan(get_db()))
    merge_through_the_pages(coordinator, "dup|kept")
    driver.execute_query("MATCH (k:Person {id: 'kept'}) SET k.version = k.version + 1, "
                         "k.family_name = 'Changed'")
    before = graph_state(driver)
    person_page = coordinator.get("/people/kept").get_data(as_text=True)
    merge_id = re.search(r'action="/merges/([^/]+)/undo"', person_page).group(1)
    coordinator.post(f"/merges/{merge_id}/undo", data={"csrf_token": csrf_token(person_page)})
    assert graph_state(driver) == before
    assert "changed since the merge" in coordinator.get("/duplicates").get_data(as_text=True)


@pytest.mark.parametrize("role", ["practitioner", "analyst", "admin"])
def test_only_coordinators_see_and_decide_duplicates(app, driver, twice, role):
    client = client_as(app, role)
    assert client.get("/duplicates").status_code == 403
    assert client.get("/duplicates/dup|kept").status_code == 403


def test_someone_added_by_hand_who_is_recorded_already_is_flagged_at_once(app, driver):
    from tests.records.conftest import day_month_year
    driver.execute_query("CREATE (f:Family {id: 'fam-1', name: 'Hughes'}) "
                         "CREATE (f2:Family {id: 'fam-2', name: 'Other'}) "
                         "CREATE (:Person:Child {id: 'known', given_name: 'Amy', "
                         "family_name: 'Hughes', dob: date('2018-05-01')})"
                         "-[:MEMBER_OF {role: 'child'}]->(f2)")
    coordinator = client_as(app, "coordinator")
    page = "/families/fam-1/members/new"
    response = post_form(coordinator, page, page, {
        "kind": "child", "role": "child", "given_name": "Amy", "family_name": "Hughs",
        **day_month_year("dob", date(2018, 5, 1)), "gender": "female"})
    assert response.status_code == 302
    shown = coordinator.get(response.headers["Location"]).get_data(as_text=True)
    assert "This may be someone recorded already" in shown
    listing = coordinator.get("/duplicates").get_data(as_text=True)
    assert "Amy Hughs" in listing and "Amy Hughes" in listing


MALICIOUS = "<img src=x onerror=alert(1)>"


def test_names_are_escaped_on_every_record_page(app, driver):
    driver.execute_query(
        "CREATE (f:Family {id: 'fam-x', name: $bad}) "
        "CREATE (a:Person:Child {id: 'x1', given_name: $bad, family_name: 'Hughes', "
        "dob: date('2018-05-01')})-[:MEMBER_OF {role: 'child'}]->(f) "
        "CREATE (b:Person:Child {id: 'x2', given_name: $bad, family_name: 'Hughes', "
        "dob: date('2018-05-01')})-[:MEMBER_OF {role: 'child'}]->(f) "
        "CREATE (:Agency {id: 'ag-x', name: $bad, type: 'school'})", bad=MALICIOUS)
    make_professional(driver, "pro-x", name=MALICIOUS)
    involve(driver, "pro-x", "x1")
    coordinator = client_as(app, "coordinator")
    with app.app_context():
        duplicates.save(get_db(), duplicates.scan(get_db()))
    for page in ("/people/x1", "/people/x1/identity", "/families/fam-x/members/new",
                 "/families/fam-x/moves", "/people/x1/relationships/new", "/duplicates",
                 "/duplicates/x1|x2", "/directory", "/directory/agencies/ag-x",
                 "/directory/professionals/pro-x", "/directory/professionals/pro-x/leaving"):
        html = coordinator.get(page).get_data(as_text=True)
        assert MALICIOUS not in html, page
        assert "&lt;img src=x onerror=alert(1)&gt;" in html, page


def test_duplicates_through_the_api(app, driver, twice):
    from tests.records.conftest import api_token
    auth = api_token(app, "coordinator")
    api = app.test_client()
    before = graph_state(driver)
    with app.app_context():
        duplicates.save(get_db(), duplicates.scan(get_db()))
    after_scan = graph_state(driver)
    assert before != after_scan
    pairs = api.get("/api/v1/duplicates", headers=auth).get_json()["pairs"]
    assert [p["key"] for p in pairs] == ["dup|kept"]
    wrong = api.post("/api/v1/duplicates/dup|kept/merge", headers=auth,
                     json={"kept_id": "mum", "reason": "Same"})
    assert wrong.status_code == 422 and "kept_id" in wrong.get_json()["errors"]
    merged = api.post("/api/v1/duplicates/dup|kept/merge", headers=auth,
                      json={"kept_id": "kept", "reason": "Same child"})
    assert merged.status_code == 200
    body = merged.get_json()
    assert body["kept_id"] == "kept" and body["merged_id"] == "dup"
    undone = api.post(f"/api/v1/merges/{body['merge_id']}/undo", headers=auth, json={})
    assert undone.status_code == 200
    assert graph_state(driver) == after_scan
    apart = api.post("/api/v1/duplicates/dup|kept/not-same", headers=auth,
                     json={"reason": "Twins"})
    assert apart.status_code == 200
    assert api.get("/api/v1/duplicates", headers=auth).get_json()["pairs"] == []
    practitioner = api_token(app, "practitioner")
    assert api.get("/api/v1/duplicates", headers=practitioner).status_code == 403
