"""Reading "WHEN" phrases ("next Tuesday 3pm", "yesterday", "2026-12-01 15:00").

Phrases are read in the user's time zone (Profile.timezone) and come back as aware UTC
datetimes, ready to store. Any command with an ``--at`` option can use :func:`parse_when`
and echo the result with :func:`describe_when`.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.models import Profile, User, utcnow

Prefer = Literal["future", "past"]

# Words that name a time of day without digits; with digits we trust the parser.
_TIME_WORDS = re.compile(r"\b(noon|midday|midnight|now)\b", re.IGNORECASE)


def owner_zone(session: Session, owner: User) -> ZoneInfo:
    """The user's time zone from their profile; UTC until they set one."""
    profile = session.get(Profile, owner.id)
    name = profile.timezone if profile is not None and profile.timezone else "UTC"
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def parse_when(
    text: str,
    *,
    zone: tzinfo,
    now: datetime | None = None,
    prefer: Prefer = "future",
    need_time: bool = False,
    field: str = "at",
) -> datetime:
    """The moment ``text`` names, read in ``zone``, as an aware UTC datetime.

    ``prefer`` settles phrases like "Tuesday": the coming one for meetings, the last one for
    things already done. With ``need_time``, a phrase without a time of day ("Tuesday")
    is refused rather than silently meaning midnight.
    """
    import dateparser

    phrase = " ".join(text.split())
    if not phrase:
        raise Invalid(field, "give a time, for example 'next Tuesday 3pm' or '2026-12-01 15:00'")
    base = (now or utcnow()).astimezone(zone)
    settings = {
        "TIMEZONE": _zone_name(zone),
        "RETURN_AS_TIMEZONE_AWARE": True,
        "RELATIVE_BASE": base.replace(tzinfo=None),
        "PREFER_DATES_FROM": prefer,
    }
    with warnings.catch_warnings():
        # dateparser warns about its own internals on some Python versions; not our users' problem.
        warnings.simplefilter("ignore")
        parsed: datetime | None = dateparser.parse(phrase, languages=["en"], settings=settings)
    if parsed is None:
        raise Invalid(
            field,
            f"cannot read {phrase!r} as a time; try 'next Tuesday 3pm', 'tomorrow 9:30' "
            "or '2026-12-01 15:00'",
        )
    if need_time and not _names_time_of_day(phrase):
        raise Invalid(field, f"{phrase!r} has no time of day; add one, like '{phrase} 3pm'")
    return parsed.astimezone(UTC)


def describe_when(moment: datetime, zone: tzinfo) -> str:
    """A moment as the user reads it: "Tuesday 1 December 2026, 15:00 CST"."""
    local = moment.astimezone(zone)
    return f"{local:%A} {local.day} {local:%B %Y, %H:%M} {local.tzname()}"


def describe_span(start: datetime, minutes: int, zone: tzinfo) -> str:
    """A meeting's start and end: "Tuesday 1 December 2026, 15:00–15:30 CST"."""
    local = start.astimezone(zone)
    end = (start + timedelta(minutes=minutes)).astimezone(zone)
    return f"{local:%A} {local.day} {local:%B %Y, %H:%M}–{end:%H:%M} {local.tzname()}"


def _names_time_of_day(phrase: str) -> bool:
    return bool(re.search(r"\d", phrase) or _TIME_WORDS.search(phrase))


def _zone_name(zone: tzinfo) -> str:
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) else "UTC"
