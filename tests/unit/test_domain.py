"""Ages and age bands, at their boundaries."""

from datetime import date

import pytest

from app.domain import child_age_band
from graph_views.values import age_in_years


@pytest.mark.parametrize(("dob", "today", "years"), [
    (date(2020, 5, 10), date(2026, 5, 9), 5),
    (date(2020, 5, 10), date(2026, 5, 10), 6),
    (date(2020, 2, 29), date(2026, 2, 28), 5),  # a leap-day birthday counts on 1 March
    (date(2020, 2, 29), date(2026, 3, 1), 6),
])
def test_age_in_whole_years(dob, today, years):
    assert age_in_years(dob, today) == years


@pytest.mark.parametrize(("age", "band"), [(0, "0-4"), (4, "0-4"), (5, "5-10"), (10, "5-10"),
                                           (11, "11-15"), (15, "11-15"), (16, "16-17")])
def test_child_age_bands(age, band):
    today = date(2026, 11, 29)
    assert child_age_band(date(today.year - age, 1, 1), today) == band


def test_an_unborn_child_has_its_own_band():
    assert child_age_band(None, date(2026, 11, 29)) == "unborn"
