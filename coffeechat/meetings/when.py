"""Reading the times people type (ISO or "yesterday 3pm") in their own time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.models import User, utcnow
from coffeechat.network.profile import get_profile

# A recorded event may be a little ahead of the clock (clock skew, typing "now" slowly).
_FUTURE_SLACK = timedelta(minutes=5)


def parse_when(
    text: str, *, timezone: str, now: datetime, field: str = "at", past_only: bool = True
) -> datetime:
    """The aware UTC moment ``text`` names, read in ``timezone`` relative to ``now``.

    ISO 8601 is read directly; anything else goes through dateparser (English phrases
    such as "yesterday 3pm" or "last Tuesday 10:30"). With ``past_only`` a time in the
    future is refused, because these are records of what already happened.
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        raise Invalid(field, "is empty; give a time such as 2026-11-20 14:00 or 'yesterday 3pm'")
    zone = ZoneInfo(timezone)
    moment = _iso(cleaned, zone) or _natural(cleaned, zone, now)
    if moment is None:
        raise Invalid(
            field, f"cannot read {text!r} as a time; try 2026-11-20 14:00 or 'yesterday 3pm'"
        )
    moment = moment.astimezone(UTC)
    if past_only and moment > now + _FUTURE_SLACK:
        shown = moment.astimezone(zone).strftime("%a %d %b %Y %H:%M")
        raise Invalid(field, f"{text!r} means {shown}, which is in the future")
    return moment


def _iso(text: str, zone: ZoneInfo) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)


def _natural(text: str, zone: ZoneInfo, now: datetime) -> datetime | None:
    import dateparser

    local_now = now.astimezone(zone).replace(tzinfo=None)
    parsed: datetime | None = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "TIMEZONE": str(zone),
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": local_now,
        },
    )
    return parsed


def show_time(moment: datetime, timezone: str) -> str:
    """``moment`` as the user reads it: "Thu 26 Nov 2026 15:00 (America/Chicago)"."""
    local = moment.astimezone(ZoneInfo(timezone))
    return f"{local.strftime('%a %d %b %Y %H:%M')} ({timezone})"


def resolve_when(
    session: Session, *, owner: User, text: str | None, field: str = "at"
) -> datetime | None:
    """``text`` read in the user's profile time zone (None stays None: "now" for the caller)."""
    if text is None:
        return None
    profile = get_profile(session, owner=owner)
    return parse_when(text, timezone=profile.timezone, now=utcnow(), field=field)
