"""A family of a chosen size, as busy as real ones get: grandparents, parents (one separated
from an ex-partner), children of both, an unborn child, and professionals of several
agencies, some working with several people. The map's browser tests draw these, and the
benchmark times the largest. Every id starts with the family's, so it can be removed."""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.db import Database
from seed.graph import GraphBatch
from seed.loader import load

AGENCIES = [("csc", "childrens_social_care", "allocated_social_worker"),
            ("hv", "health_visiting", "health_visitor"),
            ("school", "school", "designated_safeguarding_lead"),
            ("gp", "gp", "gp"), ("police", "police", "police_officer"),
            ("probation", "probation", "probation_officer"),
            ("camhs", "camhs", "camhs_practitioner")]
SINCE = date(2020, 1, 1)


def synthetic_family(family_id: str, nodes: int, seed: int = 7) -> GraphBatch:
    """About `nodes` people and professionals in one family."""
    rng = random.Random(seed + nodes)
    g = GraphBatch()

    def person(name: str) -> str:
        return f"{family_id}-{name}"
    g.family(family_id, f"Synthetic {family_id}")
    home = g.household(f"{family_id}-home", "1 Long Road", "AB1 2CD")
    names = ["mum", "dad"] + (["ex"] if nodes >= 12 else []) + \
        (["gran", "grandad"] if nodes >= 20 else [])
    for name in names:
        g.adult(person(name), name.capitalize(), "Long",
                date(1960 if name.startswith("gran") else 1988, 3, 1),
                "male" if name in ("dad", "ex", "grandad") else "female")
    children = [person(f"c{n}") for n in range(max(1, (nodes - len(names)) // 3))]
    for n, child in enumerate(children):
        g.child(child, f"Child{n}", "Long", date.today() - timedelta(days=300 + 500 * n),
                rng.choice(["female", "male"]))
    if nodes >= 15:
        children.append(g.child(person("unborn"), "Baby", "Long", None, "unknown",
                                expected_date=date.today() + timedelta(days=30)))
    people = [person(name) for name in names] + children
    for member in people:
        g.member(member, family_id, "child" if member in children else "parent")
        if not member.endswith("-unborn"):
            g.lives_at(member, home, since=SINCE)
    g.partner_of(person("mum"), person("dad"), "current")
    if nodes >= 12:
        g.partner_of(person("mum"), person("ex"), "separated")
    if nodes >= 20:
        g.partner_of(person("gran"), person("grandad"), "divorced")
        g.parent_of(person("gran"), person("mum"))
        g.parent_of(person("grandad"), person("mum"))
    for n, child in enumerate(children):
        g.parent_of(person("mum"), child)
        if child.endswith("-unborn"):
            g.parent_of(person("dad"), child)
            continue
        father = "ex" if nodes >= 12 and n == 0 else "dad"
        g.parent_of(person(father), child, "birth" if n != 1 else "step")
    for key, agency_type, _ in AGENCIES:
        g.agency(f"{family_id}-{key}", f"{key.upper()} service", agency_type)
    for n in range(max(1, nodes - len(people))):
        key, _, role = AGENCIES[n % len(AGENCIES)]
        pro = g.professional(f"{family_id}-pro{n}", f"Practitioner {n} Example",
                             "Practitioner", f"pro{n}@agency.example", "01632 960000",
                             f"{family_id}-{key}")
        targets = rng.sample(people, k=min(len(people), rng.choice([1, 1, 1, 2, 3])))
        for target in targets:
            g.involve(f"{pro}-{target}", pro, target, role, date(2025, 1, 1),
                      lead=n == 0 and target == targets[0])
    return g


def write_family(db: Database, family_id: str, nodes: int, seed: int = 7) -> dict:
    """Load the family. Returns {family_id, people}."""
    batch = synthetic_family(family_id, nodes, seed)
    load(db, batch)
    return {"family_id": family_id,
            "people": [row["id"] for kind in ("Adult", "Child") for row in batch.nodes[kind]]}
