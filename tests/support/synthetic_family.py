"""A family of a chosen size written to the graph, as busy as real ones get: grandparents,
parents (one separated from an ex-partner), children of both, an unborn child, and
professionals of several agencies, some working with several people."""

from __future__ import annotations

import random
from datetime import date, timedelta

AGENCIES = [("csc", "childrens_social_care", "allocated_social_worker"),
            ("hv", "health_visiting", "health_visitor"),
            ("school", "school", "designated_safeguarding_lead"),
            ("gp", "gp", "gp"), ("police", "police", "police_officer"),
            ("probation", "probation", "probation_officer"),
            ("camhs", "camhs", "camhs_practitioner")]


def write_family(driver, family_id: str, nodes: int, seed: int = 7) -> dict:
    """About `nodes` people and professionals in one family. Returns {family_id, people,
    professionals}."""
    rng = random.Random(seed + nodes)
    adults = [("mum", "female"), ("dad", "male")]
    if nodes >= 12:
        adults.append(("ex", "male"))
    if nodes >= 20:
        adults += [("gran", "female"), ("grandad", "male")]
    children = max(1, (nodes - len(adults)) // 3)
    people: list[dict] = []
    for name, gender in adults:
        people.append({"id": f"{family_id}-{name}", "kind": "Adult", "given": name.capitalize(),
                       "gender": gender, "dob": date(1960 if name.startswith("gran") else 1988,
                                                     3, 1), "role": "parent"})
    for n in range(children):
        people.append({"id": f"{family_id}-c{n}", "kind": "Child", "given": f"Child{n}",
                       "gender": rng.choice(["female", "male"]),
                       "dob": date.today() - timedelta(days=300 + 500 * n), "role": "child"})
    unborn = {"id": f"{family_id}-unborn", "kind": "Child", "given": "Baby", "gender": None,
              "dob": None, "role": "child"} if nodes >= 15 else None
    driver.execute_query(
        "CREATE (f:Family {id: $id, name: 'Synthetic ' + $id}) "
        "CREATE (h:Household {id: $id + '-home', address: '1 Long Road', postcode: 'AB1 2CD'}) "
        "WITH f, h UNWIND $people AS p "
        "CALL (f, h, p) { "
        "  CREATE (x:Person {id: p.id, given_name: p.given, family_name: 'Long', dob: p.dob, "
        "                   gender: p.gender}) "
        "  FOREACH (_ IN CASE WHEN p.kind = 'Child' THEN [1] ELSE [] END | SET x:Child) "
        "  FOREACH (_ IN CASE WHEN p.kind = 'Adult' THEN [1] ELSE [] END | SET x:Adult) "
        "  CREATE (x)-[:MEMBER_OF {role: p.role}]->(f) "
        "  CREATE (x)-[:LIVES_AT {`from`: date('2020-01-01')}]->(h) }",
        id=family_id, people=people)
    if unborn:
        driver.execute_query(
            "MATCH (f:Family {id: $f}) CREATE (c:Person:Child {id: $id, given_name: 'Baby', "
            "family_name: 'Long', unborn: true, expected_date: date() + duration('P30D')})"
            "-[:MEMBER_OF {role: 'child'}]->(f)", f=family_id, id=unborn["id"])
        people.append(unborn)
    ties = [("PARTNER_OF", "mum", "dad", {"status": "current"})]
    if nodes >= 12:
        ties.append(("PARTNER_OF", "mum", "ex", {"status": "separated"}))
    if nodes >= 20:
        ties += [("PARTNER_OF", "gran", "grandad", {"status": "divorced"}),
                 ("PARENT_OF", "gran", "mum", {"kind": "birth"}),
                 ("PARENT_OF", "grandad", "mum", {"kind": "birth"})]
    for n in range(children):
        ties.append(("PARENT_OF", "mum", f"c{n}", {"kind": "birth"}))
        father = "ex" if nodes >= 12 and n == 0 else "dad"
        ties.append(("PARENT_OF", father, f"c{n}", {"kind": "birth" if n != 1 else "step"}))
    if unborn:
        ties += [("PARENT_OF", "mum", "unborn", {"kind": "birth"}),
                 ("PARENT_OF", "dad", "unborn", {"kind": "birth"})]
    for kind, a, b, props in ties:
        driver.execute_query(
            f"MATCH (a:Person {{id: $a}}), (b:Person {{id: $b}}) CREATE (a)-[r:{kind}]->(b) "
            "SET r = $props", a=f"{family_id}-{a}", b=f"{family_id}-{b}", props=props)
    ids = [p["id"] for p in people]
    professionals = max(1, nodes - len(people))
    for n in range(professionals):
        key, agency_type, role = AGENCIES[n % len(AGENCIES)]
        pro = f"{family_id}-pro{n}"
        targets = rng.sample(ids, k=min(len(ids), rng.choice([1, 1, 1, 2, 3])))
        driver.execute_query(
            "MERGE (a:Agency {id: $agency}) ON CREATE SET a.name = $agency_name, a.type = $type "
            "CREATE (p:Professional {id: $pro, name: $name, job_title: 'Practitioner', "
            "  phone: '01632 960000', email: $pro + '@agency.example'})-[:WORKS_FOR]->(a) "
            "WITH p UNWIND $targets AS target "
            "MATCH (x:Person {id: target}) "
            "CREATE (p)-[:INVOLVED_WITH {id: $pro + '-' + target, role: $role, "
            "  lead: $lead AND target = $targets[0], `from`: date('2025-01-01')}]->(x)",
            agency=f"{key}-agency", agency_name=f"{key.upper()} service", type=agency_type,
            pro=pro, name=f"Practitioner {n} Example", targets=targets, role=role,
            lead=n == 0)
    return {"family_id": family_id, "people": ids}
