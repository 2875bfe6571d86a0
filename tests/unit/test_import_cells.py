"""Reading one cell of a return (no database)."""

from datetime import date

import pytest

from app.imports import cells


@pytest.mark.parametrize(("value", "expected"), [
    ("03/04/2015", date(2015, 4, 3)), ("3/4/15", date(2015, 4, 3)), ("2015-04-03", date(2015, 4, 3)),
    ("03.04.2015", date(2015, 4, 3)), ("3 April 2015", date(2015, 4, 3)), (42097, date(2015, 4, 3)),
    (42097.0, date(2015, 4, 3)), ("#N/A", None), ("", None), (None, None),
])
def test_dates(value, expected):
    assert cells.day(value) == expected


@pytest.mark.parametrize("value", ["31/02/2026", "soon", "=TODAY()", 10 ** 7, True])
def test_what_is_not_a_date_says_so(value):
    with pytest.raises(cells.CellError):
        cells.day(value)


def test_text_is_cleaned_and_ids_typed_as_numbers_stay_ids():
    assert cells.text("Sam\u00a0\u00a0Jones ") == "Sam Jones"
    assert cells.text(1001.0) == "1001"
    assert cells.text("n/a") is None


@pytest.mark.parametrize(("raw", "valid"), [("9434765919", True), ("943-476-5919", True),
                                            ("9434765918", False), ("123", False)])
def test_nhs_numbers_are_checked_by_their_check_digit(raw, valid):
    if valid:
        assert cells.nhs_number(raw) == "943 476 5919"
    else:
        with pytest.raises(cells.CellError):
            cells.nhs_number(raw)


def test_months_are_added_to_the_end_of_a_short_month():
    assert cells.add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert cells.add_months(date(2026, 9, 1), 6) == date(2027, 3, 1)


def test_headers_as_keys():
    assert cells.header_key(" Date Ceased to be Looked After ") == "dateceasedtobelookedafter"
    assert cells.header_key("CHILD_UNIQUE_ID.") == "childuniqueid"
