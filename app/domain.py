"""The domain's fixed vocabularies, each written once: user roles and who holds which
powers, agency types, involvement roles, plan types, age bands and audit actions
(docs/domain.md describes them). Pages, forms, rules and queries take them from here."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from graph_views.values import age_in_years

# Users -------------------------------------------------------------------------------------

ROLES = ("practitioner", "coordinator", "analyst", "admin")
# Roles that see the whole area's families (practitioners see theirs: need to know).
AREA_ROLES = frozenset({"coordinator", "analyst"})
# Roles that work with families at all (an admin-only account does not).
FAMILY_ROLES = AREA_ROLES | {"practitioner"}
# Roles that see sensitive services wherever they appear in the area.
SENSITIVE_SERVICE_ROLES = frozenset({"coordinator"})
# Roles that change children's teams.
TEAM_EDITORS = frozenset({"practitioner", "coordinator"})

# Agencies and involvements -----------------------------------------------------------------

AGENCY_TYPES = {
    "childrens_social_care": "Children's social care", "health_visiting": "Health visiting",
    "school_nursing": "School nursing", "gp": "GP", "school": "School",
    "early_years": "Early years", "hospital": "Hospital", "camhs": "CAMHS", "police": "Police",
    "probation": "Probation", "adult_mental_health": "Adult mental health",
    "substance_misuse": "Substance misuse", "housing": "Housing",
    "youth_justice": "Youth justice", "voluntary": "Voluntary sector",
}
# Agencies whose involvement is itself sensitive information.
SENSITIVE_AGENCY_TYPES = frozenset({"adult_mental_health", "substance_misuse"})

INVOLVEMENT_ROLES = {
    "allocated_social_worker": "Allocated social worker", "key_worker": "Key worker",
    "health_visitor": "Health visitor", "school_nurse": "School nurse", "gp": "GP",
    "designated_safeguarding_lead": "Designated safeguarding lead",
    "early_years_key_person": "Early years key person", "midwife": "Midwife",
    "camhs_practitioner": "CAMHS practitioner", "police_officer": "Police officer",
    "probation_officer": "Probation officer", "youth_justice_officer": "Youth justice officer",
    "independent_reviewing_officer": "Independent reviewing officer",
    "personal_adviser": "Personal adviser (care leavers)",
    "housing_officer": "Housing officer", "idva": "Domestic abuse adviser (IDVA)",
    "recovery_worker": "Recovery worker", "care_coordinator": "Care coordinator",
    "other": "Other",
}
# Roles that reveal a sensitive service even where the agency's type does not.
SENSITIVE_ROLES = frozenset({"idva", "recovery_worker", "care_coordinator",
                             "substance_misuse_worker"})

# Child protection plan categories (the Annex A and CIN census codes, without their letter).
CP_CATEGORIES = ("neglect", "physical", "emotional", "sexual", "multiple")
PLAN_TYPES = {"CP": "Child protection", "CIN": "Child in need", "EARLY_HELP": "Early help",
              "LAC": "Looked after", "PRE_BIRTH": "Pre-birth"}

# Ages --------------------------------------------------------------------------------------

AGE_BANDS = {"unborn": "Unborn", "0-4": "0 to 4", "5-10": "5 to 10", "11-15": "11 to 15",
             "16-17": "16 and 17", "adult": "Adult"}


# A child's band by age in whole years: (band, youngest, oldest; None: no upper bound).
CHILD_AGE_BANDS = (("0-4", 0, 4), ("5-10", 5, 10), ("11-15", 11, 15), ("16-17", 16, None))


def child_age_band(dob: date | None, today: date) -> str:
    """The band of a child born on `dob` (none: unborn)."""
    if dob is None:
        return "unborn"
    age = age_in_years(dob, today)
    return next(band for band, _, oldest in CHILD_AGE_BANDS if oldest is None or age <= oldest)


# The audit trail -----------------------------------------------------------------------------

class AuditAction(StrEnum):
    VIEW_FAMILY = "view_family"
    VIEW_MAP = "view_map"
    VIEW_PERSON = "view_person"
    EXPORT = "export"
    QUERY = "query"
    SEARCH = "search"
    VIEW_GAPS = "view_gaps"
    CHANGE = "change"
    BREAK_GLASS = "break_glass"
    SIGN_IN = "sign_in"
    SIGN_OUT = "sign_out"
    OPEN_PAGE = "open_page"
    MANAGE_USER = "manage_user"
    IMPORT = "import"


class AuditOutcome(StrEnum):
    ALLOWED = "allowed"
    DENIED = "denied"
    BREAK_GLASS = "break_glass"
