"""Reading "WHEN" phrases ("next Tuesday 3pm", "yesterday", "2026-12-01 15:00").

Phrases are read in the user's time zone (Profile.timezone) and come back as aware UTC
datetimes, ready to store. Any command with an ``--at`` option can use :func:`parse_when`
and echo the result with :func:`describe_when`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.models import Profile, User, utcnow

Prefer = Literal["future", "past"]

# Ways to ask for midnight on purpose; any other result at 00:00 means no time was found.
_MIDNIGHT = re.compile(r"\bmidnight\b|\b0?0[:.h]00\b|\b12\s*a\.?m\b", re.IGNORECASE)
# A phrase without digits names a time of day only through words like these; "tomorrow"
# alone would otherwise keep the current clock time.
_TIME_WORDS = re.compile(
    r"\b(?:noon|midday|midnight|now|morning|afternoon|evening|tonight|hours?|minutes?)\b",
    re.IGNORECASE,
)
# Further than this from today, a result is far more likely a misreading than a plan.
_PLAUSIBLE = timedelta(days=366 * 10)


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
    things already done. With ``need_time`` (meetings), a phrase without a time of day
    ("Tuesday", "tomorrow") is refused rather than silently meaning midnight or the current
    clock time, and the result is cut to the minute. Results more than ten years away are
    refused as misreadings.
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
    parsed: datetime | None = dateparser.parse(phrase, languages=["en"], settings=settings)
    if parsed is None:
        raise Invalid(
            field,
            f"cannot read {phrase!r} as a time; try 'next Tuesday 3pm', 'tomorrow 9:30' "
            "or '2026-12-01 15:00'",
        )
    if abs(parsed - base) > _PLAUSIBLE:
        raise Invalid(
            field,
            f"{phrase!r} reads as {describe_when(parsed, zone)}, which looks wrong; "
            "write the date out, like '2026-12-01 15:00'",
        )
    local = parsed.astimezone(zone)
    said_time = bool(re.search(r"\d", phrase) or _TIME_WORDS.search(phrase))
    accidental_midnight = (local.hour, local.minute) == (0, 0) and not _MIDNIGHT.search(phrase)
    if need_time and (not said_time or accidental_midnight):
        raise Invalid(field, f"found no time of day in {phrase!r}; add one, like '3pm' or '15:00'")
    if need_time:
        # Meetings start on the minute, even "in two hours" said at 10:17:42.
        parsed = parsed.replace(second=0, microsecond=0)
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


def _zone_name(zone: tzinfo) -> str:
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) else "UTC"


# A record of something done may run a little ahead of the clock (typing "now" slowly).
_FUTURE_SLACK = timedelta(minutes=5)


def parse_past(
    text: str, *, zone: tzinfo, now: datetime | None = None, field: str = "at"
) -> datetime:
    """When something already happened ("yesterday 3pm", "2026-11-20 14:00"), as aware UTC.

    For records (a request sent, a reply, a meeting held, a note sent): "Tuesday" means
    the last one, and a moment in the future is refused.
    """
    current = now or utcnow()
    moment = parse_when(text, zone=zone, now=current, prefer="past", field=field)
    if moment > current + _FUTURE_SLACK:
        raise Invalid(
            field, f"{' '.join(text.split())!r} means {describe_when(moment, zone)}, in the future"
        )
    return moment


def resolve_past(
    session: Session, *, owner: User, text: str | None, field: str = "at"
) -> datetime | None:
    """``text`` read with :func:`parse_past` in the user's zone; None stays None ("now")."""
    if text is None:
        return None
    return parse_past(text, zone=owner_zone(session, owner), field=field)
