"""Reading one cell of a return as it really comes: Excel dates or text dates, codes with or
without their "a) " prefix, non-breaking spaces, "#N/A", and formulas (never evaluated).

Each parser returns a Python value or None (blank), or raises CellError with the reason the
row is rejected; the caller adds the file, sheet, row and column."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from app import identifiers
from app.domain import INVOLVEMENT_ROLES

# What returns write for "no value".
BLANKS = frozenset({"", "#n/a", "n/a", "na", "null", "none", "-", "#value!", "#ref!"})
# Excel's day 0 in the 1900 date system (the 1900 leap-year bug makes it 30 December).
EXCEL_EPOCH = date(1899, 12, 30)
# Serial numbers of plausible dates (1900 to 2100): other numbers are not dates.
EXCEL_SERIALS = range(1, 73051)
TEXT_DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y/%m/%d",
                     "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%b-%y")
ISO_DATE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")
UK_DATE = re.compile(r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})$")
CODE_PREFIX = re.compile(r"^\s*[a-z]{1,2}\)\s*", re.IGNORECASE)


FORMULA = "a formula, not a value: paste the value in its place"


class CellError(ValueError):
    """The value cannot be used: `reason` says why, in words for the person fixing it."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RowError(CellError):
    """A row is rejected: which column, which value and why."""

    def __init__(self, column: str, value: object, reason: str) -> None:
        super().__init__(reason)
        self.column, self.value = column, value


def add_months(day_: date, months: int) -> date:
    """The same day `months` later, or the month's last day (31 Aug + 6 months = 28 Feb)."""
    month_index = day_.month - 1 + months
    year, month = day_.year + month_index // 12, month_index % 12 + 1
    for candidate in (day_.day, 30, 29, 28):
        try:
            return date(year, month, min(day_.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def is_formula(value: object) -> bool:
    return (isinstance(value, str) and value.startswith("=")) or \
        type(value).__name__ in ("ArrayFormula", "DataTableFormula")


def text(value: object) -> str | None:
    """Text with non-breaking and repeated spaces made single spaces; None when blank."""
    if value is None or value == "":
        return None
    if type(value) is str:
        # The common case first (a large import reads millions of cells): plain ASCII text
        # needs no Unicode normalisation.
        if value[0] == "=":
            raise CellError(FORMULA)
        raw = value
    elif is_formula(value):
        raise CellError(FORMULA)
    elif isinstance(value, float) and value.is_integer():
        raw = str(int(value))  # an id typed as a number: 1001.0 -> "1001"
    else:
        raw = str(value)
    cleaned = " ".join((raw if raw.isascii() else unicodedata.normalize("NFKC", raw)).split())
    return None if len(cleaned) < 8 and cleaned.lower() in BLANKS else cleaned



def day(value: object) -> date | None:
    """A date from an Excel date, an Excel serial number, or text in the formats returns use."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if int(value) in EXCEL_SERIALS:
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise CellError(f"{value} is not a date")
    raw = text(value)
    if raw is None:
        return None
    # The two forms returns mostly use, first: ISO and dd/mm/yyyy.
    numbers = ISO_DATE.match(raw) or UK_DATE.match(raw)
    if numbers:
        year, month, dom = (numbers.group("y", "m", "d"))
        try:
            return date(int(year), int(month), int(dom))
        except ValueError:
            raise CellError(f"“{raw}” is not a date (use dd/mm/yyyy)") from None
    # "01 / 02 / 2020", "2020-02-01 00:00:00", "1 Feb 2020".
    compact = re.sub(r"\s*([/.-])\s*", r"\1", raw)
    compact = re.sub(r"[ T]00:00(:00(\.0+)?)?$", "", compact)
    for pattern in TEXT_DATE_FORMATS:
        try:
            return datetime.strptime(compact, pattern).date()
        except ValueError:
            continue
    raise CellError(f"“{raw}” is not a date (use dd/mm/yyyy)")


def code(value: object) -> str | None:
    """A code list value without its "a) " prefix, lower case: "a) Male" -> "male"."""
    raw = text(value)
    return None if raw is None else CODE_PREFIX.sub("", raw).strip().lower() or None


GENDERS = {"male": "male", "m": "male", "1": "male", "female": "female", "f": "female",
           "2": "female", "not stated/recorded (or unborn)": "unknown",
           "not stated/recorded": "unknown", "neither": "unknown",
           "unknown": "unknown", "not known": "unknown", "not stated": "unknown",
           "u": "unknown", "0": "unknown", "9": "unknown", "indeterminate": "unknown"}


def gender(value: object) -> str | None:
    raw = code(value)
    if raw is None:
        return None
    if raw in GENDERS:
        return GENDERS[raw]
    raise CellError(f"“{text(value)}” is not a gender code (a) Male, b) Female, "
                    f"c) Not stated/recorded, d) Neither)")


def yes_no(value: object) -> bool | None:
    raw = code(value)
    if raw is None:
        return None
    if raw in ("y", "yes", "true", "1"):
        return True
    if raw in ("n", "no", "false", "0"):
        return False
    raise CellError(f"“{text(value)}” is not Y or N")


def nhs_number(value: object) -> str | None:
    """A valid NHS number, written as the graph holds them ("943 476 5919"), or None."""
    raw = text(value)
    if raw is None:
        return None
    number = identifiers.nhs_number(raw)
    if number is None:
        raise CellError(f"“{raw}” is not a valid NHS number (10 digits, the last a check digit)")
    return number


def header_key(value: object) -> str:
    """A header as a key, whatever its case, spacing or punctuation:
    "Date Ceased to be Looked After " -> "dateceasedtobelookedafter"."""
    folded = unicodedata.normalize("NFKD", str(value or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


CATEGORY_WORDS = {"neglect": "neglect", "physical": "physical", "emotional": "emotional",
                  "sexual": "sexual", "multiple": "multiple", "mul": "multiple"}


def cp_category(value: object) -> str | None:
    """A child protection plan's category from its code ("b) Physical abuse" -> physical)."""
    raw = code(value)
    if raw is None:
        return None
    for word, name in CATEGORY_WORDS.items():
        if raw.startswith(word):
            return name
    raise CellError(f"“{text(value)}” is not a category of abuse")


# The map's involvement roles by their code or their label, as keys ("Health visitor").
ROLE_BY_NAME = {header_key(label): role for role, label in INVOLVEMENT_ROLES.items()} | \
    {header_key(role): role for role in INVOLVEMENT_ROLES}


def involvement_role(value: object) -> str | None:
    raw = text(value)
    if raw is None:
        return None
    role = ROLE_BY_NAME.get(header_key(raw))
    if role is None:
        raise CellError(f"“{raw}” is not a role the map knows (for instance "
                        f"health_visitor, gp, probation_officer)")
    return role
