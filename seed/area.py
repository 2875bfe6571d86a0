"""The synthetic area: a whole local authority's children, families and professionals.

Deterministic: the same seed gives the same ids and relationships (dates are counted back
from `as_of`, so the same seed and as-of date give the very same graph).

Proportions are rounded from England's published figures (DfE "Characteristics of children
in need" 2024, "Children looked after in England" 2024, ONS household statistics): per
10,000 children about 42 on a child protection plan, 70 looked after, 330 in need, and
roughly 200 supported by early help. Family sizes, separated parents, step-parents and
professional caseloads follow common patterns (social workers ~17 children, health visitors
~400, a GP practice ~2,500 children). Some involvement is missing or stale on purpose:
those are the gaps the product exists to find.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from seed.graph import GraphBatch
from seed.names import FAMILY, GIVEN_FEMALE, GIVEN_MALE, STREETS

# Share of children, decided per family (siblings usually share a plan).
P_FAMILY_CP = 0.0042
P_FAMILY_LAC = 0.0070
P_FAMILY_CIN = 0.0250
P_FAMILY_EARLY_HELP = 0.0200
CHILDREN_PER_FAMILY = ((1, 0.42), (2, 0.36), (3, 0.14), (4, 0.06), (5, 0.02))


@dataclass
class Pool:
    """Professionals of one kind, handed out round-robin-ish so caseloads stay realistic."""

    ids: list[str]

    def pick(self, rng: random.Random) -> str:
        return self.ids[rng.randrange(len(self.ids))]


def nhs_number(rng: random.Random) -> str:
    """A 10-digit number with a valid modulus-11 check digit, as NHS numbers have."""
    while True:
        digits = [rng.randrange(10) for _ in range(9)]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        if check == 11:
            check = 0
        if check != 10:
            text = "".join(map(str, [*digits, check]))
            return f"{text[:3]} {text[3:6]} {text[6:]}"


class AreaGenerator:
    def __init__(self, children: int, seed: int, as_of: date) -> None:
        self.target_children = children
        self.seed = seed
        self.as_of = as_of
        self.rng = random.Random(seed)
        self.prefix = f"s{seed}-"
        self.g = GraphBatch()
        self._counters: dict[str, int] = {}
        self._phone = 0

    # Ids, dates, names ---------------------------------------------------------------------

    def new_id(self, kind: str) -> str:
        number = self._counters.get(kind, 0) + 1
        self._counters[kind] = number
        return f"{self.prefix}{kind}-{number:07d}"

    def days_ago(self, days: int) -> date:
        return self.as_of - timedelta(days=days)

    def dob_for_age(self, years: int) -> date:
        return self.days_ago(years * 365 + self.rng.randrange(365))

    def age(self, dob: date) -> int:
        return (self.as_of - dob).days // 365

    def given(self, gender: str) -> str:
        return self.rng.choice(GIVEN_FEMALE if gender == "female" else GIVEN_MALE)

    # The agencies and professionals, sized by the number of children -----------------------

    def build_services(self) -> None:
        n = self.target_children
        scale = max(n / 100_000, 0.01)

        def count(per_100k: float, minimum: int = 1) -> int:
            return max(minimum, round(per_100k * scale))

        def agency(name: str, agency_type: str) -> str:
            return self.g.agency(self.new_id("ag"), name, agency_type)

        def staff(agency_id: str, how_many: int, title: str, domain: str,
                  sensitive: bool | None = None) -> Pool:
            ids = []
            for _ in range(how_many):
                gender = self.rng.choice(("female", "female", "male"))
                name = f"{self.given(gender)} {self.rng.choice(FAMILY)}"
                pro_id = self.new_id("pro")
                self._phone += 1
                email = f"{name.lower().replace(' ', '.')}.{pro_id[-5:]}@{domain}.example"
                self.g.professional(pro_id, name, title, email,
                                    f"01632 9{self._phone % 100_000:05d}", agency_id,
                                    sensitive_role=sensitive)
                ids.append(pro_id)
            return Pool(ids)

        csc = agency("Kingsmere Children's Social Care", "childrens_social_care")
        early_help = agency("Kingsmere Early Help Service", "childrens_social_care")
        self.social_workers = staff(csc, count(240, 2), "Social Worker", "kingsmere-council")
        self.iros = staff(csc, count(14), "Independent Reviewing Officer", "kingsmere-council")
        self.key_workers = staff(early_help, count(130, 2), "Family Support Worker",
                                 "kingsmere-council")
        self.health_visitors = staff(agency("Kingsmere Health Visiting Service",
                                            "health_visiting"),
                                     count(70, 2), "Health Visitor", "kingsmere-nhs")
        self.school_nurses = staff(agency("Kingsmere School Nursing Service", "school_nursing"),
                                   count(27), "School Nurse", "kingsmere-nhs")
        self.gp_practices = [
            staff(agency(f"{self.rng.choice(STREETS)} Surgery", "gp"), 5, "General Practitioner",
                  "kingsmere-nhs")
            for _ in range(count(40, 2))
        ]
        self.primary_schools = [
            staff(agency(f"{self.rng.choice(STREETS).split()[0]} Primary School", "school"), 1,
                  "Designated Safeguarding Lead", "kingsmere-schools")
            for _ in range(count(130, 2))
        ]
        self.secondary_schools = [
            staff(agency(f"{self.rng.choice(STREETS).split()[0]} Academy", "school"), 1,
                  "Designated Safeguarding Lead", "kingsmere-schools")
            for _ in range(count(28, 1))
        ]
        self.nurseries = [
            staff(agency(f"{self.rng.choice(STREETS).split()[0]} Nursery", "early_years"), 2,
                  "Early Years Practitioner", "kingsmere-nurseries")
            for _ in range(count(100, 1))
        ]
        hospital = agency("Kingsmere General Hospital", "hospital")
        self.midwives = staff(hospital, count(12), "Midwife", "kingsmere-nhs")
        self.camhs = staff(agency("Kingsmere CAMHS", "camhs"), count(25), "CAMHS Practitioner",
                           "kingsmere-nhs")
        self.police = staff(agency("Kingsmere Police Public Protection Unit", "police"),
                            count(12), "Detective Constable", "kingsmere-police")
        self.probation = staff(agency("Probation Service – Kingsmere", "probation"), count(22),
                               "Probation Officer", "probation-kingsmere")
        self.mental_health = staff(agency("Kingsmere Community Mental Health Team",
                                          "adult_mental_health"),
                                   count(75), "Community Psychiatric Nurse", "kingsmere-nhs")
        self.substance = staff(agency("Kingsmere Recovery Service", "substance_misuse"),
                               count(34), "Recovery Worker", "kingsmere-recovery")
        self.housing = staff(agency("Kingsmere Housing Options", "housing"), count(20),
                             "Housing Options Officer", "kingsmere-council")
        self.youth_justice = staff(agency("Kingsmere Youth Justice Service", "youth_justice"),
                                   count(11), "Youth Justice Officer", "kingsmere-council")
        self.idvas = staff(agency("Harbour Women's Aid", "voluntary"), count(15),
                           "Independent Domestic Violence Adviser", "harbourwomensaid",
                           sensitive=True)

    # Families ------------------------------------------------------------------------------

    def household(self) -> str:
        rng = self.rng
        street = rng.choice(STREETS)
        postcode = (f"KM{rng.randrange(1, 10)} {rng.randrange(1, 10)}"
                    f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}")
        return self.g.household(self.new_id("hh"), f"{rng.randrange(1, 200)} {street}, Kingsmere",
                                postcode)

    def person(self, kind: str, family_name: str, gender: str, dob: date | None,
               unborn_expected: date | None = None) -> str:
        nhs = nhs_number(self.rng) if dob is not None and self.rng.random() < 0.96 else None
        if kind == "child":
            return self.g.child(self.new_id("c"), self.given(gender) if dob else "Unborn",
                                family_name, dob, gender if dob else "unknown", nhs_number=nhs,
                                expected_date=unborn_expected)
        return self.g.adult(self.new_id("a"), self.given(gender), family_name, dob, gender,
                            nhs_number=nhs)

    def involve(self, pool: Pool, person: str, role: str, since: date, lead: bool = False,
                ended: bool = False) -> str:
        """An ongoing involvement (or an ended one), with a last contact mostly recent and
        now and then stale (more than 90 days ago)."""
        rng = self.rng
        since = max(since, self.days_ago(4000))
        span = max((self.as_of - since).days, 1)
        if rng.random() < 0.05:
            contact = self.days_ago(91 + rng.randrange(200))
        else:
            contact = self.days_ago(rng.randrange(min(span, 60) + 1))
        return self.g.involve(self.new_id("inv"), pool.pick(rng), person, role, since=since,
                              lead=lead, last_contact=max(contact, since),
                              quality=rng.choice((None, None, "strong", "tenuous", "stressful")))

    def social_worker(self, child: str, since: date, lead: bool = True) -> None:
        """The current social worker, sometimes after a predecessor who left; most
        predecessors handed over, some did not (a handover gap)."""
        rng = self.rng
        if rng.random() < 0.12 and (self.as_of - since).days > 60:
            ended_on = since + timedelta(days=rng.randrange(20, (self.as_of - since).days))
            leaver = self.social_workers.pick(rng)
            self.g.involve(self.new_id("inv"), leaver, child, "allocated_social_worker",
                           since=since, lead=lead, until=ended_on, last_contact=ended_on,
                           ended_reason=rng.choice(("moved_team", "left_authority", "reallocated")))
            if rng.random() < 0.75:
                successor = self.social_workers.pick(rng)
                self.g.involve(self.new_id("inv"), successor, child, "allocated_social_worker",
                               since=ended_on + timedelta(days=1), lead=lead,
                               last_contact=self.days_ago(rng.randrange(30)))
                if successor != leaver:
                    self.g.handed_over(leaver, successor, child, on=ended_on)
            return
        self.involve(self.social_workers, child, "allocated_social_worker", since, lead=lead)

    def family(self, shared_fathers: list[str], room: int) -> int:
        """One family with its adults, children (at most `room`), households, plans and
        involvements. Returns how many children it added."""
        rng, g = self.rng, self.g
        family_name = rng.choice(FAMILY)
        family = g.family(self.new_id("fam"), f"{family_name} family")
        home = self.household()
        sizes, weights = zip(*CHILDREN_PER_FAMILY, strict=True)
        how_many = min(int(rng.choices(sizes, weights)[0]), room)

        eldest = rng.randrange(0, 18)
        ages = [eldest]
        for _ in range(how_many - 1):
            ages.append(max(0, ages[-1] - rng.randrange(1, 5)))
        expecting = rng.random() < 0.012 and how_many < room

        mother = self.person("adult", family_name, "female",
                             self.dob_for_age(eldest + rng.randrange(18, 38)))
        g.member(mother, family, "parent")
        g.lives_at(mother, home, since=self.days_ago(rng.randrange(100, 5000)))
        adults = [mother]

        shape = rng.random()
        father = None
        if shape < 0.62:  # both parents at home
            father = self.person("adult", family_name, "male",
                                 self.dob_for_age(eldest + rng.randrange(19, 42)))
            g.lives_at(father, home, since=self.days_ago(rng.randrange(100, 5000)))
            g.partner_of(mother, father, "current")
        elif shape < 0.87:  # separated father elsewhere, sometimes with children in another family
            if shared_fathers and rng.random() < 0.08:
                father = shared_fathers[rng.randrange(len(shared_fathers))]
            else:
                father = self.person("adult", family_name, "male",
                                     self.dob_for_age(eldest + rng.randrange(19, 42)))
                g.lives_at(father, self.household(), since=self.days_ago(rng.randrange(30, 3000)))
                shared_fathers.append(father)
            g.partner_of(mother, father, rng.choice(("separated", "separated", "divorced")))
            if rng.random() < 0.3:  # a step-parent at home
                step = self.person("adult", rng.choice(FAMILY), "male",
                                   self.dob_for_age(eldest + rng.randrange(19, 45)))
                g.member(step, family, "partner")
                g.lives_at(step, home, since=self.days_ago(rng.randrange(30, 2000)))
                g.partner_of(mother, step, "current")
                adults.append(step)
        if father:
            g.member(father, family, "parent")
            adults.append(father)
        if rng.random() < 0.05:
            grandmother = self.person("adult", family_name, "female",
                                      self.dob_for_age(eldest + rng.randrange(40, 60)))
            g.member(grandmother, family, "relative")
            adults.append(grandmother)

        plan_type = self._family_plan()
        children: list[tuple[str, int | None]] = [
            (self.person("child", family_name, rng.choice(("female", "male")),
                         self.dob_for_age(age)), age) for age in ages]
        if expecting:
            expected = self.as_of + timedelta(days=rng.randrange(10, 200))
            children.append((self.person("child", family_name, "unknown", None, expected), None))

        for child, age in children:
            g.member(child, family, "child")
            g.lives_at(child, home)
            g.parent_of(mother, child, "birth")
            if father:
                g.parent_of(father, child, "birth")
            self._child_services(child, age, plan_type)
        if plan_type == "LAC":
            self._foster_carers(family, [c for c, age in children if age is not None])
        self._adult_services(adults, mother, plan_type, home)
        return len(children)

    def _family_plan(self) -> str | None:
        roll = self.rng.random()
        for plan_type, share in (("CP", P_FAMILY_CP), ("LAC", P_FAMILY_LAC),
                                 ("CIN", P_FAMILY_CIN), ("EARLY_HELP", P_FAMILY_EARLY_HELP)):
            if roll < share:
                return plan_type
            roll -= share
        return None

    def _child_services(self, child: str, age: int | None, plan_type: str | None) -> None:
        """The services a child has; an unborn child (no age) only pre-birth ones."""
        rng = self.rng
        born = self.days_ago((age or 0) * 365 + rng.randrange(365))
        plan_start = self.days_ago(rng.randrange(20, 500))
        if age is None:
            if plan_type in ("CP", "CIN") or rng.random() < 0.3:
                self.g.plan(self.new_id("plan"), child, "PRE_BIRTH", plan_start,
                            next_review=self.as_of + timedelta(days=rng.randrange(10, 60)))
                self.social_worker(child, plan_start)
                if rng.random() < 0.7:
                    self.involve(self.health_visitors, child, "health_visitor", plan_start)
            self.involve(self.midwives, child, "midwife", self.days_ago(rng.randrange(30, 200)))
            return

        if rng.random() < 0.97:
            gp_practice = self.gp_practices[rng.randrange(len(self.gp_practices))]
            self.involve(gp_practice, child, "gp", born)
        if age < 5 and rng.random() < 0.95:
            self.involve(self.health_visitors, child, "health_visitor", born)
        if 2 <= age <= 4 and rng.random() < 0.6:
            self.involve(self.nurseries[rng.randrange(len(self.nurseries))], child,
                         "early_years_key_person", self.days_ago(rng.randrange(30, 700)))
        if 5 <= age <= 16 and rng.random() < 0.985:
            schools = self.primary_schools if age <= 10 else self.secondary_schools
            self.involve(schools[rng.randrange(len(schools))], child,
                         "designated_safeguarding_lead",
                         self.days_ago(min(age - 4, 6) * 365 - rng.randrange(200)))
        if 5 <= age <= 16 and (rng.random() < 0.1 or (plan_type in ("CP", "CIN", "LAC")
                                                    and rng.random() < 0.7)):
            self.involve(self.school_nurses, child, "school_nurse", self.days_ago(rng.randrange(30, 900)))
        if age >= 8 and rng.random() < (0.15 if plan_type in ("CP", "LAC") else 0.02):
            self.involve(self.camhs, child, "camhs_practitioner", self.days_ago(rng.randrange(30, 700)))
        if age >= 10 and rng.random() < 0.004:
            self.involve(self.youth_justice, child, "youth_justice_officer",
                         self.days_ago(rng.randrange(30, 400)))

        if plan_type is None:
            return
        category = rng.choice(("neglect", "neglect", "emotional", "physical", "sexual")) \
            if plan_type == "CP" else None
        if plan_type == "CP":
            first_review = plan_start + timedelta(days=90)
            review = first_review if first_review > self.as_of - timedelta(days=5) else \
                self.as_of + timedelta(days=rng.randrange(-20, 180))
            self.g.plan(self.new_id("plan"), child, "CP", plan_start, category=category,
                        icpc_date=plan_start, next_review=review)
        else:
            self.g.plan(self.new_id("plan"), child, plan_type, plan_start)
        # A few children on plans have no social worker: the gap the dashboard must show.
        allocated = {"CP": 0.97, "LAC": 0.97, "CIN": 0.9}.get(plan_type, 0)
        if rng.random() < allocated:
            self.social_worker(child, plan_start)
        if plan_type == "LAC":
            self.involve(self.iros, child, "independent_reviewing_officer", plan_start)
        if plan_type == "EARLY_HELP" and rng.random() < 0.92:
            self.involve(self.key_workers, child, "key_worker", plan_start, lead=True)
        if plan_type == "CP" and rng.random() < 0.3:
            self.involve(self.police, child, "police_officer", plan_start)

    def _foster_carers(self, family: str, children: list[str]) -> None:
        rng, g = self.rng, self.g
        foster_home = self.household()
        carer_name = rng.choice(FAMILY)
        carers = [self.person("adult", carer_name, gender, self.dob_for_age(rng.randrange(35, 65)))
                  for gender in ("female", "male")[: rng.choice((1, 2, 2))]]
        if len(carers) == 2:
            g.partner_of(carers[0], carers[1], "current")
        for carer in carers:
            g.member(carer, family, "carer")
            g.lives_at(carer, foster_home, since=self.days_ago(rng.randrange(1000, 8000)))
            for child in children:
                g.parent_of(carer, child, "foster")
        for child in children:
            g.lives_at(child, foster_home, since=self.days_ago(rng.randrange(20, 500)))

    def _adult_services(self, adults: list[str], mother: str, plan_type: str | None,
                        home: str) -> None:
        rng = self.rng
        concern = plan_type in ("CP", "CIN", "LAC")
        for adult in adults:
            since = self.days_ago(rng.randrange(30, 1500))
            if rng.random() < (0.08 if concern else 0.01):
                self.involve(self.probation, adult, "probation_officer", since)
            if rng.random() < (0.15 if concern else 0.03):
                self.involve(self.mental_health, adult, "care_coordinator", since)
            if rng.random() < (0.12 if concern else 0.015):
                self.involve(self.substance, adult, "recovery_worker", since)
        if rng.random() < (0.15 if concern else 0.01):
            self.involve(self.idvas, mother, "idva", self.days_ago(rng.randrange(10, 400)))
        if rng.random() < 0.04:
            self.involve(self.housing, mother, "housing_officer", self.days_ago(rng.randrange(10, 800)))

    def build(self) -> GraphBatch:
        self.build_services()
        shared_fathers: list[str] = []
        children = 0
        while children < self.target_children:
            children += self.family(shared_fathers, self.target_children - children)
        return self.g


def generate_area(children: int, seed: int, as_of: date) -> GraphBatch:
    return AreaGenerator(children, seed, as_of).build()
