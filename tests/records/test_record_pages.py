"""Recording and correcting a family through the pages, as a coordinator would: each change
shows at once on the family page, the map and the gaps; bad input is named at its field and
changes nothing; nothing is deleted."""

from datetime import date, timedelta

from tests.records.conftest import day_month_year, graph_state
from tests.support.store import audit_events
from tests.support.web import post_form

FAMILY = "/families/fam-1"


def gap_rules(client, family_id="fam-1") -> set[tuple[str, str]]:
    gaps = client.get(f"/api/v1/gaps?family={family_id}").get_json()["gaps"]
    return {(g["rule"], g["child_id"]) for g in gaps}


def one(driver, query, **params):
    records = driver.execute_query(query, **params).records
    return records[0].data() if records else None


def test_a_coordinator_records_a_new_family(coordinator, driver):
    response = post_form(coordinator, "/families/new", "/families/new", {"name": "Osei family"})
    assert response.status_code == 302
    family_id = response.headers["Location"].rsplit("/", 1)[1]
    assert one(driver, "MATCH (f:Family {id: $id}) RETURN f.name AS name",
               id=family_id) == {"name": "Osei family"}
    assert "Osei family" in coordinator.get(response.headers["Location"]).get_data(as_text=True)


def test_adding_a_newborn_shows_on_the_family_page_map_and_gaps_at_once(coordinator, driver):
    baby = date.today() - timedelta(days=20)
    page = f"{FAMILY}/members/new"
    response = post_form(coordinator, page, page, {
        "kind": "child", "role": "child", "given_name": "Noor", "family_name": "Test",
        **day_month_year("dob", baby), "gender": "female", "nhs_number": "943 476 5919",
        "lives_with": "home-1"})
    assert response.status_code == 302, response.get_data(as_text=True)
    noor = one(driver, "MATCH (c:Child {given_name: 'Noor'})-[:MEMBER_OF {role: 'child'}]->"
                       "(:Family {id: 'fam-1'}) MATCH (c)-[l:LIVES_AT]->(h:Household) "
                       "RETURN c.id AS id, c.dob AS dob, c.nhs_number AS nhs, h.id AS home")
    assert noor["dob"].to_native() == baby and noor["nhs"] == "943 476 5919"
    assert noor["home"] == "home-1"
    assert "Noor Test" in coordinator.get(FAMILY).get_data(as_text=True)
    assert noor["id"] in coordinator.get(f"{FAMILY}/map").get_data(as_text=True)
    assert ("under5-no-health-visitor", noor["id"]) in gap_rules(coordinator)
    # The audit names the change, the new person's id and the fields, never a value.
    event = audit_events(coordinator.application, action="change", target_id="fam-1")[-1]
    assert event["reason"].startswith(f"member_added {noor['id']}: ")
    assert "nhs_number" in event["reason"] and "Noor" not in event["reason"]
    assert "943" not in event["reason"]


def test_an_unborn_child_is_added_then_born_keeping_their_id(coordinator, driver):
    due = date.today() + timedelta(days=30)
    page = f"{FAMILY}/members/new"
    post_form(coordinator, page, page, {
        "kind": "child", "role": "child", "given_name": "Baby", "family_name": "Test",
        "unborn": "y", **day_month_year("expected_date", due), "gender": "unknown"})
    baby_id = one(driver, "MATCH (c:Child {unborn: true}) RETURN c.id AS id")["id"]
    born = date.today() - timedelta(days=1)
    page = f"/people/{baby_id}/birth"
    response = post_form(coordinator, page, page, {**day_month_year("dob", born),
                                                   "gender": "male"})
    assert response.status_code == 302
    child = one(driver, "MATCH (c:Child {id: $id}) RETURN c.dob AS dob, c.unborn AS unborn, "
                        "c.expected_date AS due, c.gender AS gender", id=baby_id)
    assert child["dob"].to_native() == born and child["unborn"] is None
    assert child["due"] is None and child["gender"] == "male"
    assert f"{born:%-d %b %Y}" in coordinator.get(FAMILY).get_data(as_text=True)


def test_a_date_in_three_boxes_says_what_is_wrong_at_its_field(coordinator, driver):
    before = graph_state(driver)
    page = f"{FAMILY}/members/new"
    response = post_form(coordinator, page, page, {
        "kind": "child", "role": "child", "given_name": "Noor", "family_name": "Test",
        "dob-day": "31", "dob-month": "2", "dob-year": "2024", "gender": "female"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Date of birth must be a real date" in html
    assert 'href="#dob-day"' in html  # the summary links to the first box
    assert 'value="31"' in html  # what was typed is kept
    response = post_form(coordinator, page, page, {
        "kind": "child", "role": "child", "given_name": "Noor", "family_name": "Test",
        "dob-day": "3", "dob-year": "2024", "gender": "female"})
    assert "Date of birth must include a month" in response.get_data(as_text=True)
    assert graph_state(driver) == before


def test_a_wrong_nhs_check_digit_is_refused_and_changes_nothing(coordinator, driver):
    before = graph_state(driver)
    page = "/people/amy/identity"
    response = post_form(coordinator, page, page, {
        "given_name": "Amy", "family_name": "Test", **day_month_year("dob", date(2018, 5, 1)),
        "gender": "female", "nhs_number": "943 476 5918", "version": "0"})
    assert response.status_code == 400
    assert "Enter a valid NHS number" in response.get_data(as_text=True)
    assert graph_state(driver) == before


def test_correcting_a_date_of_birth_is_audited_by_field_name(coordinator, driver):
    page = "/people/amy/identity"
    response = post_form(coordinator, page, page, {
        "given_name": "Amy", "family_name": "Test-Smith",
        **day_month_year("dob", date(2018, 6, 2)), "gender": "female", "nhs_number": "",
        "version": "0"})
    assert response.status_code == 302
    amy = one(driver, "MATCH (c:Child {id: 'amy'}) RETURN c.dob AS dob, c.family_name AS name, "
                      "c.version AS version")
    assert amy == {"dob": amy["dob"], "name": "Test-Smith", "version": 1}
    assert amy["dob"].to_native() == date(2018, 6, 2)
    event = audit_events(coordinator.application, action="change", target_id="amy")[-1]
    assert event["reason"] == "identity: dob,family_name"
    assert event["outcome"] == "allowed"


def test_taking_someone_out_of_a_family_keeps_the_history(coordinator, driver):
    page = f"{FAMILY}/members/remove?person_id=sam"
    response = post_form(coordinator, page, page, {**day_month_year("left", date.today()),
                                                   "person_id": "sam"})
    assert response.status_code == 302
    assert one(driver, "MATCH (:Person {id: 'sam'})-[m:MEMBER_OF]->() RETURN m") is None
    was = one(driver, "MATCH (:Person {id: 'sam'})-[w:WAS_MEMBER_OF]->(:Family {id: 'fam-1'}) "
                      "RETURN w.role AS role, w.`to` AS left")
    assert was["role"] == "parent" and was["left"].to_native() == date.today()
    assert one(driver, "MATCH (p:Person {id: 'sam'}) RETURN p.id AS id") == {"id": "sam"}
    family_page = coordinator.get(FAMILY).get_data(as_text=True)
    assert "Sam Test" not in family_page.split("Family ties")[0].split("Members")[1]
    person_page = coordinator.get("/people/sam").get_data(as_text=True)
    families_table = person_page.split('id="families"')[1].split("</table>")[0]
    assert "Test family" in families_table and "Now" not in families_table


def test_recording_partners_and_a_step_parent_shows_as_family_ties(coordinator, driver):
    driver.execute_query("MATCH (f:Family {id: 'fam-1'}) CREATE (:Person:Adult {id: 'lee', "
                         "given_name: 'Lee', family_name: 'Jones'})-[:MEMBER_OF {role: "
                         "'partner'}]->(f)")
    page = "/people/lee/relationships/new"
    assert post_form(coordinator, page, page, {
        "type": "partner_of", "other_id": "sam", "status": "current",
        **day_month_year("since", date(2024, 1, 1))}).status_code == 302
    assert post_form(coordinator, page, page, {
        "type": "parent_of", "other_id": "amy", "kind": "step"}).status_code == 302
    html = coordinator.get(FAMILY).get_data(as_text=True)
    assert "Lee Jones is\n      current partner of\n      Sam Test" in html or \
        "current partner of" in html
    assert "step parent of" in html.lower()
    # Separating later changes the couple's one link, dated.
    post_form(coordinator, page, page, {"type": "partner_of", "other_id": "sam",
                                        "status": "separated",
                                        **day_month_year("until", date.today())})
    links = driver.execute_query("MATCH (:Adult {id: 'lee'})-[r:PARTNER_OF]-(:Adult {id: 'sam'}) "
                                 "RETURN r.status AS status, r.`to` AS until").records
    assert len(links) == 1 and links[0]["status"] == "separated"


def test_a_relationship_between_two_children_as_partners_is_refused(coordinator, driver):
    before = graph_state(driver)
    page = "/people/sam/relationships/new"
    response = post_form(coordinator, page, page, {"type": "partner_of", "other_id": "amy",
                                                   "status": "current"})
    assert response.status_code == 400
    assert "Partners are both adults" in response.get_data(as_text=True)
    assert graph_state(driver) == before


def test_a_move_is_checked_then_recorded_ending_the_old_home(coordinator, driver):
    page = f"{FAMILY}/moves"
    moved = date.today() - timedelta(days=3)
    form = {"person_ids": ["amy", "sam"], "household_id": "", "address": "2 New Road",
            "postcode": "te2 2nd", **day_month_year("moved", moved)}
    check = post_form(coordinator, page, page, form)
    html = check.get_data(as_text=True)
    assert check.status_code == 200 and 'id="check-answers"' in html
    assert "2 New Road, TE2 2ND (a new household)" in html
    assert one(driver, "MATCH (h:Household {address: '2 New Road'}) RETURN h") is None
    done = post_form(coordinator, page, page, {**form, "confirmed": "yes"})
    assert done.status_code == 302
    homes = driver.execute_query(
        "MATCH (p:Person)-[l:LIVES_AT]->(h:Household) RETURN p.id AS p, h.address AS a, "
        "l.`from` AS since, l.`to` AS until ORDER BY p, since").records
    old = {(r["p"], r["a"]): r for r in homes}
    assert old[("amy", "1 Test Street")]["until"].to_native() == moved - timedelta(days=1)
    assert old[("amy", "2 New Road")]["since"].to_native() == moved
    assert old[("sam", "2 New Road")]["until"] is None
    assert "2 New Road, TE2 2ND" in coordinator.get(FAMILY).get_data(as_text=True)


def test_a_postcode_that_is_not_one_is_named(coordinator, driver):
    page = f"{FAMILY}/moves"
    response = post_form(coordinator, page, page, {
        "person_ids": ["amy"], "address": "2 New Road", "postcode": "12345",
        **day_month_year("moved", date.today())})
    assert response.status_code == 400
    assert "Enter a real postcode" in response.get_data(as_text=True)


def test_a_child_protection_plan_raises_the_social_worker_gap_and_can_be_ended(coordinator,
                                                                                driver):
    start = date.today() - timedelta(days=10)
    page = "/people/amy/plans/new"
    response = post_form(coordinator, page, page, {
        "type": "CP", "category": "neglect", **day_month_year("start", start),
        **day_month_year("icpc_date", start),
        **day_month_year("next_review", start + timedelta(days=90))})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert ("cp-no-social-worker", "amy") in gap_rules(coordinator)
    plan_id = one(driver, "MATCH (:Child {id: 'amy'})-[:SUBJECT_OF]->(p:Plan) RETURN p.id AS id")["id"]
    assert "Child protection (neglect)" in coordinator.get(FAMILY).get_data(as_text=True)
    page = f"/people/amy/plans/{plan_id}"
    response = post_form(coordinator, page, page, {
        "type": "CP", "category": "neglect", **day_month_year("start", start),
        **day_month_year("icpc_date", start),
        **day_month_year("end", date.today() - timedelta(days=1)),
        "version": "1"})
    assert response.status_code == 302
    assert ("cp-no-social-worker", "amy") not in gap_rules(coordinator)


def test_a_plan_without_its_category_is_named(coordinator, driver):
    page = "/people/amy/plans/new"
    response = post_form(coordinator, page, page, {"type": "CP", **day_month_year(
        "start", date.today())})
    assert response.status_code == 400
    assert "Choose the category of abuse" in response.get_data(as_text=True)


def test_an_adult_marked_deceased(coordinator, driver):
    page = "/people/sam/deceased"
    assert post_form(coordinator, page, page, day_month_year(
        "died", date.today())).status_code == 302
    assert one(driver, "MATCH (a:Adult {id: 'sam'}) RETURN a.deceased AS d")["d"] is True
    assert "Deceased" in coordinator.get("/people/sam").get_data(as_text=True)


def test_someone_already_recorded_is_found_and_added(coordinator, driver):
    driver.execute_query("CREATE (f:Family {id: 'fam-2', name: 'Other'}) "
                         "CREATE (:Person:Adult {id: 'gran', given_name: 'Rosa', "
                         "family_name: 'Okafor'})-[:MEMBER_OF {role: 'parent'}]->(f)")
    page = f"{FAMILY}/members/find"
    found = post_form(coordinator, page, page, {"name": "rosa okafor"}).get_data(as_text=True)
    assert "Rosa Okafor" in found
    response = post_form(coordinator, page, f"{FAMILY}/members/existing",
                         {"person_id": "gran", "role": "relative"})
    assert response.status_code == 302
    families = driver.execute_query("MATCH (:Person {id: 'gran'})-[m:MEMBER_OF]->(f) "
                                    "RETURN f.id AS f, m.role AS role ORDER BY f").records
    assert [(r["f"], r["role"]) for r in families] == [("fam-1", "relative"),
                                                         ("fam-2", "parent")]
