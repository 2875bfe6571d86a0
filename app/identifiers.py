"""Identifiers people type or import, each checked in one place: the NHS number (with its
check digit) and the UK postcode (its shape)."""

from __future__ import annotations

import re


def nhs_number(raw: str) -> str | None:
    """The NHS number as the graph holds it ("943 476 5919"), or None when `raw` is not ten
    digits whose last is the modulus 11 check digit (spaces and hyphens are allowed)."""
    digits = re.sub(r"[\s-]", "", raw)
    if not re.fullmatch(r"\d{10}", digits) or not _check_digit_ok(digits):
        return None
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def _check_digit_ok(digits: str) -> bool:
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


# The shape of a UK postcode (the outward code, an optional space, the inward code), as
# GOV.UK services check it: whether it exists is not known without the Royal Mail's file.
_POSTCODE = re.compile(r"^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$")


def postcode(raw: str) -> str | None:
    """The postcode in capitals with one space before the inward code, or None when `raw`
    does not have a UK postcode's shape."""
    value = " ".join(raw.upper().split())
    if not _POSTCODE.match(value):
        return None
    compact = value.replace(" ", "")
    return f"{compact[:-3]} {compact[-3:]}"
