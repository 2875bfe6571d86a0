"""The demo area: hand-written families in the fictional Kingsmere Borough Council.

Every name, address, phone number (the 01632 960xxx drama range) and email (.example
domains) is fictional. Dates are set relative to the day the demo is loaded, so that a baby
stays a baby and an overdue review stays overdue whenever the demo is installed.

The families between them cover the scenarios a coordinator and a conference need to see
(see DEMO_SCENARIOS): a full team, each kind of gap, blended families, an adult in two
families, ended involvements with and without a handover.
"""

from __future__ import annotations

from datetime import date, timedelta

from seed.graph import GraphBatch

AREA = "Kingsmere Borough Council"

# Which family shows which scenario: the tests check each against the graph.
DEMO_SCENARIOS = {
    "cp_full_team": "demo-fam-clarke",
    "cp_missing_social_worker": "demo-fam-kowalski",
    "baby_without_health_visitor": "demo-fam-okafor",
    "school_age_without_school": "demo-fam-murphy",
    "sibling_unknown_to_anyone": "demo-fam-hughes",
    "father_in_two_families": ("demo-fam-bennett", "demo-fam-price"),
    "partner_known_to_probation": "demo-fam-price",
    "ended_with_handover": "demo-fam-clarke",
    "ended_without_handover": "demo-fam-kowalski",
    "looked_after_with_foster_carers": "demo-fam-singh",
    "unborn_on_pre_birth_plan": "demo-fam-taylor",
    "early_help_only": "demo-fam-evans",
    "cp_review_overdue_and_few_agencies": "demo-fam-ali",
    "cin_with_two_leads": "demo-fam-brown",
}

DEMO_USERS = {
    "practitioner": ("demo-user-practitioner", "practitioner@demo.example", "demo-pro-osei"),
    "coordinator": ("demo-user-coordinator", "coordinator@demo.example", "demo-pro-marsh"),
    "analyst": ("demo-user-analyst", "analyst@demo.example", "demo-pro-shah"),
    "admin": ("demo-user-admin", "admin@demo.example", "demo-pro-cole"),
}

AGENCIES = [
    # id suffix, name, type
    ("csc", "Kingsmere Children's Social Care", "childrens_social_care"),
    ("earlyhelp", "Kingsmere Early Help Service", "childrens_social_care"),
    ("hv", "Kingsmere Health Visiting Service", "health_visiting"),
    ("sn", "Kingsmere School Nursing Service", "school_nursing"),
    ("gp-elm", "Elm Road Surgery", "gp"),
    ("gp-harbour", "Harbour Medical Practice", "gp"),
    ("stmarys", "St Mary's C of E Primary School", "school"),
    ("academy", "Kingsmere Academy", "school"),
    ("acorns", "Little Acorns Day Nursery", "early_years"),
    ("hospital", "Kingsmere General Hospital", "hospital"),
    ("camhs", "Kingsmere CAMHS", "camhs"),
    ("police", "Kingsmere Police Public Protection Unit", "police"),
    ("probation", "Probation Service – Kingsmere", "probation"),
    ("cmht", "Kingsmere Community Mental Health Team", "adult_mental_health"),
    ("recovery", "Kingsmere Recovery Service", "substance_misuse"),
    ("housing", "Kingsmere Housing Options", "housing"),
    ("yjs", "Kingsmere Youth Justice Service", "youth_justice"),
    ("womensaid", "Harbour Women's Aid", "voluntary"),
]

PROFESSIONALS = [
    # id suffix, name, job title, agency suffix, email domain, sensitive role
    ("osei", "Grace Osei", "Social Worker", "csc", "kingsmere-council", False),
    ("hartley", "Tom Hartley", "Senior Social Worker", "csc", "kingsmere-council", False),
    ("novak", "Ewa Novak", "Social Worker", "csc", "kingsmere-council", False),
    ("reid", "Callum Reid", "Social Worker", "csc", "kingsmere-council", False),
    ("begum", "Nasima Begum", "Social Worker", "csc", "kingsmere-council", False),
    ("lamb", "Keith Lamb", "Independent Reviewing Officer", "csc", "kingsmere-council", False),
    ("marsh", "Helen Marsh", "Child Protection Conference Chair", "csc", "kingsmere-council", False),
    ("shah", "Priya Shah", "MASH Intelligence Analyst", "csc", "kingsmere-council", False),
    ("cole", "Martin Cole", "Systems Administrator", "csc", "kingsmere-council", False),
    ("turner", "Sophie Turner", "Family Support Worker", "earlyhelp", "kingsmere-council", False),
    ("lewis", "Bethan Lewis", "Health Visitor", "hv", "kingsmere-nhs", False),
    ("ahmed", "Sana Ahmed", "Health Visitor", "hv", "kingsmere-nhs", False),
    ("ward", "Kerry Ward", "School Nurse", "sn", "kingsmere-nhs", False),
    ("fraser", "Dr Alan Fraser", "General Practitioner", "gp-elm", "kingsmere-nhs", False),
    ("mensah", "Dr Ama Mensah", "General Practitioner", "gp-harbour", "kingsmere-nhs", False),
    ("green", "Rachel Green", "Designated Safeguarding Lead", "stmarys", "stmarys-kingsmere", False),
    ("ellis", "Mark Ellis", "Designated Safeguarding Lead", "academy", "kingsmere-academy", False),
    ("ross", "Lucy Ross", "Nursery Manager", "acorns", "littleacorns", False),
    ("pike", "Joanne Pike", "Specialist Safeguarding Midwife", "hospital", "kingsmere-nhs", False),
    ("qureshi", "Dr Imran Qureshi", "Clinical Psychologist", "camhs", "kingsmere-nhs", False),
    ("carter", "DC Sam Carter", "Detective Constable", "police", "kingsmere-police", False),
    ("barnes", "Neil Barnes", "Probation Officer", "probation", "probation-kingsmere", False),
    ("dunn", "Claire Dunn", "Community Psychiatric Nurse", "cmht", "kingsmere-nhs", False),
    ("francis", "Leon Francis", "Recovery Worker", "recovery", "kingsmere-recovery", False),
    ("patel", "Asha Patel", "Housing Options Officer", "housing", "kingsmere-council", False),
    ("harper", "Dean Harper", "Youth Justice Officer", "yjs", "kingsmere-council", False),
    ("lopez", "Maria Lopez", "Independent Domestic Violence Adviser", "womensaid",
     "harbourwomensaid", True),
]


def _email(name: str, domain: str) -> str:
    parts = [p for p in name.replace("Dr ", "").replace("DC ", "").lower().split()]
    return f"{'.'.join(parts)}@{domain}.example"


class _Demo:
    """Helpers that keep the family descriptions below short and readable."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.g = GraphBatch()
        self._involvements = 0

    def ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def ahead(self, days: int) -> date:
        return self.today + timedelta(days=days)

    def born(self, years: int, days: int = 0) -> date:
        """A date of birth `years` years and `days` days before today."""
        try:
            anniversary = self.today.replace(year=self.today.year - years)
        except ValueError:  # 29 February
            anniversary = self.today.replace(year=self.today.year - years, day=28)
        return anniversary - timedelta(days=days)

    def involve(self, professional: str, person: str, role: str, since_days: int,
                contact_days: int | None = 7, **extra) -> str:
        self._involvements += 1
        return self.g.involve(
            f"demo-inv-{self._involvements:03d}", f"demo-pro-{professional}", person, role,
            since=self.ago(since_days),
            last_contact=self.ago(contact_days) if contact_days is not None else None,
            **extra,
        )


def demo_area(today: date) -> GraphBatch:
    """The whole demo area as one batch: agencies, professionals and families (the demo
    users live in the app's store: see seed.install)."""
    d = _Demo(today)
    g = d.g
    for suffix, name, agency_type in AGENCIES:
        g.agency(f"demo-ag-{suffix}", name, agency_type)
    for number, (suffix, name, title, agency, domain, sensitive) in enumerate(PROFESSIONALS, 1):
        g.professional(f"demo-pro-{suffix}", name, title, _email(name, domain),
                       f"01632 960{number:03d}", f"demo-ag-{agency}",
                       sensitive_role=True if sensitive else None)

    _clarke(d)
    _kowalski(d)
    _okafor(d)
    _murphy(d)
    _hughes(d)
    _bennett_and_price(d)
    _singh(d)
    _taylor(d)
    _evans(d)
    _ali(d)
    _brown(d)
    return g


def _clarke(d: _Demo) -> None:
    """A child on a CP plan with a full team; her first social worker handed over."""
    g = d.g
    fam = g.family("demo-fam-clarke", "Clarke family")
    home = g.household("demo-hh-orchard-way", "14 Orchard Way, Kingsmere", "KM1 4AB")
    nicola = g.adult("demo-per-nicola-clarke", "Nicola", "Clarke", d.born(33, 40), "female")
    jason = g.adult("demo-per-jason-clarke", "Jason", "Clarke", d.born(36, 200), "male")
    amira = g.child("demo-per-amira-clarke", "Amira", "Clarke", d.born(7, 90), "female",
                    nhs_number="943 476 5919")
    theo = g.child("demo-per-theo-clarke", "Theo", "Clarke", d.born(2, 30), "male",
                   nhs_number="943 476 5870")
    g.partner_of(nicola, jason, "current")
    for adult in (nicola, jason):
        g.member(adult, fam, "parent")
        g.lives_at(adult, home, since=d.ago(2900))
        for child in (amira, theo):
            g.parent_of(adult, child, "birth")
    for child in (amira, theo):
        g.member(child, fam, "child")
        g.lives_at(child, home)

    g.plan("demo-plan-amira-cp", amira, "CP", d.ago(125), category="neglect",
           icpc_date=d.ago(125), next_review=d.ahead(55))
    d.involve("reid", amira, "allocated_social_worker", 300, contact_days=131, lead=True,
              until=d.ago(130), ended_reason="moved_team")
    g.handed_over("demo-pro-reid", "demo-pro-osei", amira, on=d.ago(130))
    d.involve("osei", amira, "allocated_social_worker", 129, contact_days=3, lead=True,
              quality="strong")
    d.involve("green", amira, "designated_safeguarding_lead", 1100, contact_days=2,
              quality="strong")
    d.involve("ward", amira, "school_nurse", 400, contact_days=30, quality="tenuous")
    d.involve("fraser", amira, "gp", 2600, contact_days=45)
    d.involve("carter", amira, "police_officer", 125, contact_days=20, quality="stressful")
    d.involve("lewis", theo, "health_visitor", 760, contact_days=12, quality="strong")
    d.involve("fraser", theo, "gp", 760, contact_days=60)
    d.involve("ross", theo, "early_years_key_person", 300, contact_days=1)
    d.involve("osei", theo, "allocated_social_worker", 129, contact_days=3)


def _kowalski(d: _Demo) -> None:
    """A CP plan whose social worker left without handing over: nobody holds the case."""
    g = d.g
    fam = g.family("demo-fam-kowalski", "Kowalski family")
    home = g.household("demo-hh-mill-lane", "Flat 3, 27 Mill Lane, Kingsmere", "KM2 7QT")
    anna = g.adult("demo-per-anna-kowalska", "Anna", "Kowalska", d.born(38, 12), "female")
    kacper = g.child("demo-per-kacper-kowalski", "Kacper", "Kowalski", d.born(11, 150), "male",
                     nhs_number="943 476 6001")
    g.member(anna, fam, "parent")
    g.member(kacper, fam, "child")
    g.parent_of(anna, kacper, "birth")
    for person in (anna, kacper):
        g.lives_at(person, home, since=d.ago(1500))
    g.plan("demo-plan-kacper-cp", kacper, "CP", d.ago(200), category="emotional",
           icpc_date=d.ago(200), next_review=d.ahead(40))
    d.involve("novak", kacper, "allocated_social_worker", 200, contact_days=35, lead=True,
              until=d.ago(30), ended_reason="left_authority")
    d.involve("ellis", kacper, "designated_safeguarding_lead", 150, contact_days=5)
    d.involve("mensah", kacper, "gp", 3000, contact_days=80)
    d.involve("qureshi", kacper, "camhs_practitioner", 90, contact_days=14)


def _okafor(d: _Demo) -> None:
    """A four-month-old baby with a GP but no health visitor."""
    g = d.g
    fam = g.family("demo-fam-okafor", "Okafor family")
    home = g.household("demo-hh-station-road", "8 Station Road, Kingsmere", "KM3 1HX")
    chioma = g.adult("demo-per-chioma-okafor", "Chioma", "Okafor", d.born(29, 10), "female")
    emeka = g.adult("demo-per-emeka-okafor", "Emeka", "Okafor", d.born(31, 77), "male")
    zara = g.child("demo-per-zara-okafor", "Zara", "Okafor", d.born(0, 120), "female",
                   nhs_number="943 476 6125")
    g.partner_of(chioma, emeka, "current")
    for adult in (chioma, emeka):
        g.member(adult, fam, "parent")
        g.parent_of(adult, zara, "birth")
        g.lives_at(adult, home, since=d.ago(700))
    g.member(zara, fam, "child")
    g.lives_at(zara, home)
    d.involve("mensah", zara, "gp", 115, contact_days=50)


def _murphy(d: _Demo) -> None:
    """A nine-year-old known to the GP but to no school (children missing education)."""
    g = d.g
    fam = g.family("demo-fam-murphy", "Murphy family")
    home = g.household("demo-hh-quay-street", "41 Quay Street, Kingsmere", "KM1 9DD")
    siobhan = g.adult("demo-per-siobhan-murphy", "Siobhan", "Murphy", d.born(34, 300), "female")
    connor = g.child("demo-per-connor-murphy", "Connor", "Murphy", d.born(9, 45), "male",
                     nhs_number="943 476 6249")
    g.member(siobhan, fam, "parent")
    g.member(connor, fam, "child")
    g.parent_of(siobhan, connor, "birth")
    for person in (siobhan, connor):
        g.lives_at(person, home, since=d.ago(200))
    d.involve("fraser", connor, "gp", 190, contact_days=40)
    d.involve("patel", siobhan, "housing_officer", 210, contact_days=25)


def _hughes(d: _Demo) -> None:
    """A boy on a CP plan with a team, and his half-brother nobody has met."""
    g = d.g
    fam = g.family("demo-fam-hughes", "Hughes family")
    home = g.household("demo-hh-coronation", "5 Coronation Terrace, Kingsmere", "KM4 2LP")
    kayleigh = g.adult("demo-per-kayleigh-hughes", "Kayleigh", "Hughes", d.born(35, 5), "female")
    jack = g.child("demo-per-jack-hughes", "Jack", "Hughes", d.born(6, 100), "male",
                   nhs_number="943 476 6370")
    liam = g.child("demo-per-liam-hughes", "Liam", "Hughes", d.born(17, 60), "male")
    g.member(kayleigh, fam, "parent")
    g.lives_at(kayleigh, home, since=d.ago(2000))
    for child in (jack, liam):
        g.member(child, fam, "child")
        g.parent_of(kayleigh, child, "birth")
        g.lives_at(child, home)
    g.plan("demo-plan-jack-cp", jack, "CP", d.ago(60), category="physical",
           icpc_date=d.ago(60), next_review=d.ahead(30))
    d.involve("hartley", jack, "allocated_social_worker", 65, contact_days=4, lead=True)
    d.involve("green", jack, "designated_safeguarding_lead", 700, contact_days=1)
    d.involve("fraser", jack, "gp", 2200, contact_days=61)
    d.involve("ward", jack, "school_nurse", 60, contact_days=20)


def _bennett_and_price(d: _Demo) -> None:
    """Craig Walsh has a child in each of two families; his ex-partner's new partner is
    known to probation, whose officer is not part of the child's network."""
    g = d.g
    craig = g.adult("demo-per-craig-walsh", "Craig", "Walsh", d.born(39, 150), "male")
    craig_flat = g.household("demo-hh-harbour-view", "Flat 12, Harbour View, Kingsmere", "KM2 3RS")
    g.lives_at(craig, craig_flat, since=d.ago(500))

    bennett = g.family("demo-fam-bennett", "Bennett family")
    bennett_home = g.household("demo-hh-linden-close", "2 Linden Close, Kingsmere", "KM5 6TU")
    sarah = g.adult("demo-per-sarah-bennett", "Sarah", "Bennett", d.born(37, 80), "female")
    leo = g.child("demo-per-leo-walsh", "Leo", "Walsh", d.born(8, 20), "male",
                  nhs_number="943 476 6494")
    g.partner_of(sarah, craig, "separated")
    g.member(sarah, bennett, "parent")
    g.member(craig, bennett, "parent")
    g.member(leo, bennett, "child")
    g.parent_of(sarah, leo, "birth")
    g.parent_of(craig, leo, "birth")
    g.lives_at(sarah, bennett_home, since=d.ago(3000))
    g.lives_at(leo, bennett_home)
    d.involve("green", leo, "designated_safeguarding_lead", 1300, contact_days=10)
    d.involve("fraser", leo, "gp", 2900, contact_days=45)
    d.involve("ward", leo, "school_nurse", 500, contact_days=70)

    price = g.family("demo-fam-price", "Price family")
    price_home = g.household("demo-hh-victoria-road", "77 Victoria Road, Kingsmere", "KM3 8AW")
    jade = g.adult("demo-per-jade-price", "Jade", "Price", d.born(30, 222), "female")
    ryan = g.adult("demo-per-ryan-doyle", "Ryan", "Doyle", d.born(35, 18), "male")
    mia = g.child("demo-per-mia-walsh", "Mia", "Walsh", d.born(4, 100), "female",
                  nhs_number="943 476 6516")
    g.partner_of(jade, craig, "separated")
    g.partner_of(jade, ryan, "current")
    g.member(jade, price, "parent")
    g.member(craig, price, "parent")
    g.member(ryan, price, "partner")
    g.member(mia, price, "child")
    g.parent_of(jade, mia, "birth")
    g.parent_of(craig, mia, "birth")
    for person in (jade, mia):
        g.lives_at(person, price_home, since=d.ago(1600))
    g.lives_at(ryan, price_home, since=d.ago(240))
    # Craig lived with Jade and Mia until they separated.
    g.lives_at(craig, price_home, since=d.ago(1600), until=d.ago(520))
    g.plan("demo-plan-mia-cin", mia, "CIN", d.ago(150))
    d.involve("hartley", mia, "allocated_social_worker", 150, contact_days=12, lead=True)
    d.involve("ahmed", mia, "health_visitor", 1450, contact_days=33)
    d.involve("mensah", mia, "gp", 1450, contact_days=88)
    d.involve("ross", mia, "early_years_key_person", 400, contact_days=2)
    d.involve("lopez", jade, "idva", 100, contact_days=9, quality="strong")
    d.involve("barnes", ryan, "probation_officer", 365, contact_days=14)


def _singh(d: _Demo) -> None:
    """A looked-after boy living with foster carers, his birth mother elsewhere."""
    g = d.g
    fam = g.family("demo-fam-singh", "Singh family")
    birth_home = g.household("demo-hh-brook-street", "19 Brook Street, Kingsmere", "KM6 1BB")
    foster_home = g.household("demo-hh-meadow-rise", "3 Meadow Rise, Kingsmere", "KM7 4FG")
    manpreet = g.adult("demo-per-manpreet-singh", "Manpreet", "Singh", d.born(41, 3), "female")
    arjun = g.child("demo-per-arjun-singh", "Arjun", "Singh", d.born(12, 230), "male",
                    nhs_number="943 476 6648")
    ian = g.adult("demo-per-ian-fletcher", "Ian", "Fletcher", d.born(55, 60), "male")
    jenny = g.adult("demo-per-jenny-fletcher", "Jenny", "Fletcher", d.born(53, 10), "female")
    g.member(manpreet, fam, "parent")
    g.member(arjun, fam, "child")
    g.parent_of(manpreet, arjun, "birth")
    g.lives_at(manpreet, birth_home, since=d.ago(4000))
    g.lives_at(arjun, birth_home, since=d.ago(4000), until=d.ago(400))
    g.lives_at(arjun, foster_home, since=d.ago(399))
    g.partner_of(ian, jenny, "current")
    for carer in (ian, jenny):
        g.member(carer, fam, "carer")
        g.parent_of(carer, arjun, "foster")
        g.lives_at(carer, foster_home, since=d.ago(9000))
    g.plan("demo-plan-arjun-lac", arjun, "LAC", d.ago(400))
    d.involve("begum", arjun, "allocated_social_worker", 400, contact_days=20, lead=True,
              quality="strong")
    d.involve("lamb", arjun, "independent_reviewing_officer", 400, contact_days=70)
    d.involve("ellis", arjun, "designated_safeguarding_lead", 380, contact_days=6)
    d.involve("mensah", arjun, "gp", 390, contact_days=85)
    d.involve("qureshi", arjun, "camhs_practitioner", 200, contact_days=21)


def _taylor(d: _Demo) -> None:
    """An unborn baby on a pre-birth plan; the mother's recovery worker is in the team."""
    g = d.g
    fam = g.family("demo-fam-taylor", "Taylor family")
    home = g.household("demo-hh-kings-court", "Flat 6, Kings Court, Kingsmere", "KM1 2ZZ")
    chloe = g.adult("demo-per-chloe-taylor", "Chloe", "Taylor", d.born(19, 40), "female")
    unborn = g.child("demo-per-unborn-taylor", "Unborn", "Taylor", None, "unknown",
                     expected_date=d.ahead(60))
    g.member(chloe, fam, "parent")
    g.member(unborn, fam, "child")
    g.parent_of(chloe, unborn, "birth")
    g.lives_at(chloe, home, since=d.ago(300))
    g.plan("demo-plan-taylor-prebirth", unborn, "PRE_BIRTH", d.ago(30), next_review=d.ahead(45))
    d.involve("osei", unborn, "allocated_social_worker", 30, contact_days=6, lead=True)
    d.involve("pike", unborn, "midwife", 120, contact_days=10)
    d.involve("lewis", unborn, "health_visitor", 20, contact_days=15)
    d.involve("francis", unborn, "substance_misuse_worker", 30, contact_days=7)
    d.involve("francis", chloe, "recovery_worker", 250, contact_days=7, quality="strong")


def _evans(d: _Demo) -> None:
    """A family supported by early help only, with one key worker."""
    g = d.g
    fam = g.family("demo-fam-evans", "Evans family")
    home = g.household("demo-hh-church-walk", "22 Church Walk, Kingsmere", "KM5 3EE")
    rhian = g.adult("demo-per-rhian-evans", "Rhian", "Evans", d.born(40, 100), "female")
    gareth = g.adult("demo-per-gareth-evans", "Gareth", "Evans", d.born(42, 15), "male")
    megan = g.child("demo-per-megan-evans", "Megan", "Evans", d.born(10, 10), "female",
                    nhs_number="943 476 6761")
    osian = g.child("demo-per-osian-evans", "Osian", "Evans", d.born(7, 250), "male",
                    nhs_number="943 476 6893")
    g.partner_of(rhian, gareth, "current")
    for adult in (rhian, gareth):
        g.member(adult, fam, "parent")
        g.lives_at(adult, home, since=d.ago(5000))
    for child, plan_id in ((megan, "demo-plan-megan-eh"), (osian, "demo-plan-osian-eh")):
        g.member(child, fam, "child")
        g.lives_at(child, home)
        for adult in (rhian, gareth):
            g.parent_of(adult, child, "birth")
        g.plan(plan_id, child, "EARLY_HELP", d.ago(80))
        d.involve("turner", child, "key_worker", 80, contact_days=8, lead=True, quality="strong")
        d.involve("green", child, "designated_safeguarding_lead", 1400, contact_days=15)
        d.involve("fraser", child, "gp", 3000, contact_days=60)


def _ali(d: _Demo) -> None:
    """A 17-year-old on a CP plan with a thin network: few agencies, no NHS number, an
    overdue review and a GP not in touch for months."""
    g = d.g
    fam = g.family("demo-fam-ali", "Ali family")
    home = g.household("demo-hh-dock-road", "130 Dock Road, Kingsmere", "KM2 5NN")
    samira = g.adult("demo-per-samira-ali", "Samira", "Ali", d.born(45, 321), "female")
    yusuf = g.child("demo-per-yusuf-ali", "Yusuf", "Ali", d.born(17, 30), "male")
    g.member(samira, fam, "parent")
    g.member(yusuf, fam, "child")
    g.parent_of(samira, yusuf, "birth")
    for person in (samira, yusuf):
        g.lives_at(person, home, since=d.ago(6000))
    g.plan("demo-plan-yusuf-cp", yusuf, "CP", d.ago(250), category="physical",
           icpc_date=d.ago(250), next_review=d.ago(10))
    d.involve("begum", yusuf, "allocated_social_worker", 250, contact_days=9, lead=True)
    d.involve("mensah", yusuf, "gp", 5000, contact_days=150)


def _brown(d: _Demo) -> None:
    """A child in need with two practitioners who both think they are the lead."""
    g = d.g
    fam = g.family("demo-fam-brown", "Brown family")
    home = g.household("demo-hh-park-avenue", "9 Park Avenue, Kingsmere", "KM6 7PA")
    dean = g.adult("demo-per-dean-brown", "Dean", "Brown", d.born(44, 140), "male")
    ruby = g.child("demo-per-ruby-brown", "Ruby", "Brown", d.born(13, 200), "female",
                   nhs_number="943 476 6915")
    g.member(dean, fam, "parent")
    g.member(ruby, fam, "child")
    g.parent_of(dean, ruby, "birth")
    for person in (dean, ruby):
        g.lives_at(person, home, since=d.ago(2500))
    g.plan("demo-plan-ruby-cin", ruby, "CIN", d.ago(90))
    d.involve("hartley", ruby, "allocated_social_worker", 90, contact_days=11, lead=True)
    d.involve("ward", ruby, "school_nurse", 300, contact_days=16, lead=True)
    d.involve("ellis", ruby, "designated_safeguarding_lead", 900, contact_days=3)
    d.involve("mensah", ruby, "gp", 4000, contact_days=66)
