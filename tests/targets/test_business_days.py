from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from coffeechat.network.patterns import BusinessCalendar

CALENDARS = {country: BusinessCalendar(country, "UTC") for country in ("US", "GB", "AE")}


@given(
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    days=st.integers(min_value=0, max_value=15),
    country=st.sampled_from(sorted(CALENDARS)),
)
def test_adding_n_business_days_lands_on_a_business_day_after_exactly_n_of_them(
    start: date, days: int, country: str
) -> None:
    calendar = CALENDARS[country]
    end = calendar.add(start, days)
    between = [start + timedelta(days=n) for n in range(1, (end - start).days + 1)]
    assert sum(calendar.is_business_day(day) for day in between) == days
    assert days == 0 or calendar.is_business_day(end)


def test_a_country_with_a_friday_and_saturday_weekend_works_on_sunday() -> None:
    # Saudi Arabia rests on Friday and Saturday.
    calendar = BusinessCalendar("SA", "UTC")
    assert not calendar.is_business_day(date(2026, 11, 27))  # a Friday
    assert calendar.is_business_day(date(2026, 11, 29))  # a Sunday
