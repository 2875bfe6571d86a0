"""Small factories for the graph, written with the tests' own driver (not the product's)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

COUNT_PLANS = (Path(__file__).resolve().parents[2] / "cypher/plans/count_plans.cypher").read_text()


def make_family(driver, family_id: str = "fam-1", name: str = "Test family",
                child_id: str | None = None, given_name: str = "Amy",
                family_name: str = "Test", dob: date = date(2018, 5, 1)) -> dict:
    child_id = child_id or f"{family_id}-child"
    driver.execute_query(
        """
        MERGE (f:Family {id: $family_id}) ON CREATE SET f.name = $name
        CREATE (c:Person:Child {id: $child_id, given_name: $given_name,
                                family_name: $family_name, dob: $dob, gender: 'female'})
        CREATE (c)-[:MEMBER_OF {role: 'child'}]->(f)
        """,
        family_id=family_id, name=name, child_id=child_id, given_name=given_name,
        family_name=family_name, dob=dob)
    return {"family_id": family_id, "child_id": child_id}


def add_adult(driver, family_id: str, adult_id: str, given_name: str = "Sam",
              family_name: str = "Test", role: str = "parent") -> str:
    driver.execute_query(
        """
        MATCH (f:Family {id: $family_id})
        CREATE (a:Person:Adult {id: $adult_id, given_name: $given_name,
                                family_name: $family_name, gender: 'female'})
        CREATE (a)-[:MEMBER_OF {role: $role}]->(f)
        """,
        family_id=family_id, adult_id=adult_id, given_name=given_name,
        family_name=family_name, role=role)
    return adult_id


def make_professional(driver, professional_id: str, name: str = "Pat Pro",
                      agency_type: str = "childrens_social_care",
                      sensitive_role: bool = False, phone: str = "01632 960999") -> str:
    driver.execute_query(
        """
        MERGE (a:Agency {id: 'agency-' + $agency_type})
          ON CREATE SET a.name = 'Agency ' + $agency_type, a.type = $agency_type
        CREATE (p:Professional {id: $id, name: $name, job_title: 'Worker', phone: $phone,
                                email: $id + '@agency.example', sensitive_role: $sensitive})
        CREATE (p)-[:WORKS_FOR]->(a)
        """,
        id=professional_id, name=name, agency_type=agency_type, sensitive=sensitive_role,
        phone=phone)
    return professional_id


def involve(driver, professional_id: str, person_id: str, role: str = "allocated_social_worker",
            since: date | None = None, ended_days_ago: int | None = None,
            lead: bool = False) -> None:
    ended = date.today() - timedelta(days=ended_days_ago) if ended_days_ago is not None else None
    driver.execute_query(
        """
        MATCH (p:Professional {id: $professional_id}), (x:Person {id: $person_id})
        CREATE (p)-[:INVOLVED_WITH {id: randomUUID(), role: $role, lead: $lead,
                                    `from`: $since, `to`: $ended}]->(x)
        """,
        professional_id=professional_id, person_id=person_id, role=role, lead=lead,
        since=since or date.today() - timedelta(days=400), ended=ended)


def add_plan(driver, child_id: str, plan_type: str, start: date,
             next_review: date | None = None, end: date | None = None) -> None:
    """A plan written as the app writes one: its counts kept (plans/count_plans) with it."""
    driver.execute_query(
        """
        MATCH (c:Child {id: $child_id})
        CREATE (c)-[:SUBJECT_OF]->(:Plan {id: $child_id + '-' + $type, type: $type, start: $start,
                                          icpc_date: $start, next_review: $next_review, end: $end})
        """,
        child_id=child_id, type=plan_type, start=start, next_review=next_review, end=end)
    driver.execute_query(COUNT_PLANS, ids=[f"{child_id}-{plan_type}"])


def add_child(driver, family_id: str, child_id: str, dob: date | None,
              given_name: str = "Sib", unborn: bool = False) -> str:
    driver.execute_query(
        """
        MATCH (f:Family {id: $family_id})
        CREATE (c:Person:Child {id: $child_id, given_name: $given_name, family_name: 'Test',
                                dob: $dob, unborn: CASE WHEN $unborn THEN true END,
                                expected_date: CASE WHEN $unborn THEN date() + duration({days: 60}) END})
        CREATE (c)-[:MEMBER_OF {role: 'child'}]->(f)
        """,
        family_id=family_id, child_id=child_id, dob=dob, given_name=given_name, unborn=unborn)
    return child_id
