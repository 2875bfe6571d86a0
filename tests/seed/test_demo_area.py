"""The demo area, loaded into the real Neo4j: every family, user and agency, and each
scenario the demo promises, checked by querying the graph."""

from datetime import date

import pytest
from sqlalchemy import select

from app.auth.passwords import verify_password
from app.store.tables import users as user_table
from seed.demo import AGENCIES, DEMO_SCENARIOS, DEMO_USERS, PROFESSIONALS
from tests.support.demo import load_demo

TODAY = date(2026, 11, 29)
PASSWORD = "demo-password-for-tests"
AGENCY_TYPES = {
    "childrens_social_care", "health_visiting", "school_nursing", "gp", "school", "early_years",
    "hospital", "camhs", "police", "probation", "adult_mental_health", "substance_misuse",
    "housing", "youth_justice", "voluntary",
}


@pytest.fixture
def demo(db, app):
    load_demo(app, PASSWORD, today=TODAY)


def rows(driver, query, **params):
    return [record.data() for record in driver.execute_query(query, params).records]


def one(driver, query, **params):
    [row] = rows(driver, query, **params)
    return row


def test_every_family_agency_and_professional_exists(demo, driver):
    families = {r["id"] for r in rows(driver, "MATCH (f:Family) RETURN f.id AS id")}
    expected = set()
    for value in DEMO_SCENARIOS.values():
        expected |= set(value) if isinstance(value, tuple) else {value}
    assert expected <= families
    assert len(families) >= 8

    agencies = rows(driver, "MATCH (a:Agency) RETURN a.name AS name, a.type AS type")
    assert {a["name"] for a in agencies} == {name for _, name, _ in AGENCIES}
    assert {a["type"] for a in agencies} == AGENCY_TYPES

    professionals = rows(driver, """
        MATCH (p:Professional)-[:WORKS_FOR]->(:Agency)
        RETURN p.name AS name, p.phone AS phone, p.email AS email, p.job_title AS title""")
    assert len(professionals) == len(PROFESSIONALS)
    for pro in professionals:
        assert pro["phone"].startswith("01632 960"), pro
        assert pro["email"].endswith(".example"), pro
        assert pro["title"]


def test_demo_users_have_roles_professionals_and_only_a_hash(demo, app, driver):
    with app.extensions["store"].engine.connect() as connection:
        users = [row._mapping for row in connection.execute(select(
            user_table.c.email, user_table.c.role, user_table.c.password_hash.label("hash"),
            user_table.c.active, user_table.c.professional_id))]
    assert {(u["role"], u["email"], u["professional_id"]) for u in users} == {
        (role, email, professional) for role, (_, email, professional) in DEMO_USERS.items()}
    known = {r["id"] for r in rows(driver, "MATCH (p:Professional) RETURN p.id AS id")}
    for user in users:
        assert user["professional_id"] in known
        assert user["active"] is True
        assert PASSWORD not in user["hash"]
        assert verify_password(user["hash"], PASSWORD)


def test_dates_are_stored_as_dates(demo, driver):
    kinds = one(driver, """
        MATCH (c:Child {id: 'demo-per-amira-clarke'})-[:SUBJECT_OF]->(p:Plan)
        MATCH (:Professional)-[i:INVOLVED_WITH]->(c)
        RETURN collect(DISTINCT valueType(c.dob)) + collect(DISTINCT valueType(p.start))
             + collect(DISTINCT valueType(i.from)) AS kinds""")["kinds"]
    assert set(kinds) == {"DATE NOT NULL"}


def test_loading_the_demo_twice_changes_nothing(demo, app, driver):
    def snapshot():
        # All but the record of when the whole area's gaps were last checked (each load ends
        # with a check): the gaps found are compared, and do not change.
        nodes = rows(driver, "MATCH (n) WHERE NOT n:GapRun "
                             "RETURN n.id AS id, labels(n) AS labels, properties(n) AS p "
                             "ORDER BY id")
        rels = rows(driver, "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, "
                            "properties(r) AS p")
        with app.extensions["store"].engine.connect() as connection:
            accounts = [tuple(row) for row in connection.execute(
                select(user_table).order_by(user_table.c.id))]
        return nodes, sorted(rels, key=repr), accounts

    before = snapshot()
    load_demo(app, PASSWORD, today=TODAY)
    assert snapshot() == before


def test_a_child_on_a_cp_plan_with_a_full_team(demo, driver):
    team = one(driver, """
        MATCH (f:Family {id: $family})<-[:MEMBER_OF {role: 'child'}]-(c:Child)-[:SUBJECT_OF]->
              (plan:Plan {type: 'CP'})
        WHERE plan.end IS NULL
        MATCH (p:Professional)-[i:INVOLVED_WITH]->(c)-[:MEMBER_OF]->(f)
        WHERE i.to IS NULL
        MATCH (p)-[:WORKS_FOR]->(a:Agency)
        RETURN c.id AS child, collect(DISTINCT a.type) AS agency_types,
               [x IN collect(i) WHERE x.role = 'allocated_social_worker' AND x.lead | x] AS leads""",
        family=DEMO_SCENARIOS["cp_full_team"])
    assert len(team["leads"]) == 1
    assert len(team["agency_types"]) >= 3
    assert {"childrens_social_care", "school", "gp"} <= set(team["agency_types"])


def test_a_cp_plan_missing_its_social_worker(demo, driver):
    row = one(driver, """
        MATCH (f:Family {id: $family})<-[:MEMBER_OF]-(c:Child)-[:SUBJECT_OF]->(:Plan {type: 'CP'})
        OPTIONAL MATCH (:Professional)-[now:INVOLVED_WITH {role: 'allocated_social_worker'}]->(c)
        WHERE now.to IS NULL
        OPTIONAL MATCH (:Professional)-[ended:INVOLVED_WITH {role: 'allocated_social_worker'}]->(c)
        WHERE ended.to IS NOT NULL
        RETURN count(DISTINCT now) AS current, count(DISTINCT ended) AS ended""",
        family=DEMO_SCENARIOS["cp_missing_social_worker"])
    assert row == {"current": 0, "ended": 1}


def test_a_baby_with_no_health_visitor(demo, driver):
    row = one(driver, """
        MATCH (f:Family {id: $family})<-[:MEMBER_OF]-(c:Child)
        WHERE c.dob > $today - duration({years: 1})
        OPTIONAL MATCH (:Professional)-[hv:INVOLVED_WITH {role: 'health_visitor'}]->(c)
        OPTIONAL MATCH (:Professional)-[gp:INVOLVED_WITH {role: 'gp'}]->(c)
        RETURN count(hv) AS health_visitors, count(gp) AS gps""",
        family=DEMO_SCENARIOS["baby_without_health_visitor"], today=TODAY)
    assert row == {"health_visitors": 0, "gps": 1}


def test_a_school_age_child_with_no_school(demo, driver):
    row = one(driver, """
        MATCH (f:Family {id: $family})<-[:MEMBER_OF]-(c:Child)
        WITH c, duration.between(c.dob, $today).years AS age
        WHERE 5 <= age <= 16
        RETURN age, COUNT { (:Professional)-[:INVOLVED_WITH]->(c) } AS involvements,
               COUNT { (:Agency {type: 'school'})<-[:WORKS_FOR]-(:Professional)
                       -[:INVOLVED_WITH]->(c) } AS school""",
        family=DEMO_SCENARIOS["school_age_without_school"], today=TODAY)
    assert row["involvements"] >= 1 and row["school"] == 0


def test_siblings_where_only_one_is_known(demo, driver):
    children = rows(driver, """
        MATCH (f:Family {id: $family})<-[:MEMBER_OF {role: 'child'}]-(c:Child)
        RETURN c.id AS id, COUNT { (:Professional)-[:INVOLVED_WITH]->(c) } AS involvements,
               EXISTS { (c)-[:SUBJECT_OF]->(:Plan {type: 'CP'}) } AS on_cp
        ORDER BY id""", family=DEMO_SCENARIOS["sibling_unknown_to_anyone"])
    assert len(children) == 2
    known = [c for c in children if c["involvements"] > 0]
    unknown = [c for c in children if c["involvements"] == 0]
    assert len(known) == 1 and known[0]["on_cp"]
    assert len(unknown) == 1


def test_a_father_with_children_in_two_families(demo, driver):
    first, second = DEMO_SCENARIOS["father_in_two_families"]
    row = one(driver, """
        MATCH (dad:Adult)-[:MEMBER_OF]->(f1:Family {id: $first})
        MATCH (dad)-[:MEMBER_OF]->(f2:Family {id: $second})
        MATCH (dad)-[:PARENT_OF]->(c1:Child)-[:MEMBER_OF]->(f1)
        MATCH (dad)-[:PARENT_OF]->(c2:Child)-[:MEMBER_OF]->(f2)
        RETURN dad.gender AS gender, count(DISTINCT c1) AS in_first, count(DISTINCT c2) AS in_second""",
        first=first, second=second)
    assert row == {"gender": "male", "in_first": 1, "in_second": 1}


def test_a_mothers_partner_known_to_probation_outside_the_childs_network(demo, driver):
    row = one(driver, """
        MATCH (f:Family {id: $family})<-[:MEMBER_OF {role: 'partner'}]-(partner:Adult)
        MATCH (mum:Adult)-[:PARTNER_OF {status: 'current'}]-(partner)
        MATCH (officer:Professional)-[i:INVOLVED_WITH]->(partner)
        MATCH (officer)-[:WORKS_FOR]->(:Agency {type: 'probation'})
        RETURN EXISTS { (officer)-[:INVOLVED_WITH]->(:Child)-[:MEMBER_OF]->(f) } AS in_network,
               i.to IS NULL AS ongoing""", family=DEMO_SCENARIOS["partner_known_to_probation"])
    assert row == {"in_network": False, "ongoing": True}


def test_an_involvement_ended_with_a_handover(demo, driver):
    row = one(driver, """
        MATCH (f:Family {id: $family})<-[:MEMBER_OF]-(c:Child)
        MATCH (leaver:Professional)-[h:HANDED_OVER_TO]->(successor:Professional)
        WHERE h.`for` = c.id
        MATCH (leaver)-[old:INVOLVED_WITH]->(c)
        MATCH (successor)-[new:INVOLVED_WITH {role: old.role}]->(c)
        RETURN old.to AS ended, new.from AS started, new.to IS NULL AS ongoing, h.on AS on""",
        family=DEMO_SCENARIOS["ended_with_handover"])
    assert row["ended"] == row["on"]
    assert (row["started"].to_native() - row["ended"].to_native()).days == 1
    assert row["ongoing"]


def test_an_involvement_ended_without_a_handover(demo, driver):
    row = one(driver, """
        MATCH (f:Family {id: $family})<-[:MEMBER_OF]-(c:Child)
        MATCH (leaver:Professional)-[old:INVOLVED_WITH]->(c)
        WHERE old.to IS NOT NULL
        RETURN old.ended_reason AS reason,
               EXISTS { (leaver)-[h:HANDED_OVER_TO]->() WHERE h.`for` = c.id } AS handed_over""",
        family=DEMO_SCENARIOS["ended_without_handover"])
    assert row == {"reason": "left_authority", "handed_over": False}


def test_a_looked_after_child_with_foster_carers(demo, driver):
    row = one(driver, """
        MATCH (f:Family {id: $family})<-[:MEMBER_OF]-(c:Child)-[:SUBJECT_OF]->(:Plan {type: 'LAC'})
        MATCH (carer:Adult)-[:PARENT_OF {kind: 'foster'}]->(c)
        MATCH (carer)-[:MEMBER_OF {role: 'carer'}]->(f)
        MATCH (c)-[now:LIVES_AT]->(home:Household)<-[:LIVES_AT]-(carer)
        WHERE now.to IS NULL
        RETURN count(DISTINCT carer) AS carers""",
        family=DEMO_SCENARIOS["looked_after_with_foster_carers"])
    assert row["carers"] == 2


def test_an_unborn_child_on_a_pre_birth_plan(demo, driver):
    row = one(driver, """
        MATCH (f:Family {id: $family})<-[:MEMBER_OF]-(c:Child)-[:SUBJECT_OF]->
              (:Plan {type: 'PRE_BIRTH'})
        RETURN c.unborn AS unborn, c.dob IS NULL AS no_dob, c.expected_date > $today AS expected""",
        family=DEMO_SCENARIOS["unborn_on_pre_birth_plan"], today=TODAY)
    assert row == {"unborn": True, "no_dob": True, "expected": True}


def test_a_family_with_only_early_help(demo, driver):
    row = one(driver, """
        MATCH (f:Family {id: $family})<-[:MEMBER_OF]-(c:Child)-[:SUBJECT_OF]->(plan:Plan)
        OPTIONAL MATCH (p:Professional)-[i:INVOLVED_WITH {lead: true}]->(c)
        RETURN collect(DISTINCT plan.type) AS plans, collect(DISTINCT i.role) AS lead_roles""",
        family=DEMO_SCENARIOS["early_help_only"])
    assert row == {"plans": ["EARLY_HELP"], "lead_roles": ["key_worker"]}
