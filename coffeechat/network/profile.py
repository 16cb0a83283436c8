"""The user's own profile: name, schools, employers, fields, country and time zone."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.models import Profile, User
from coffeechat.network.contacts import normalise_email


def get_profile(session: Session, *, owner: User) -> Profile:
    """The owner's profile, created with defaults (US, UTC) on first use."""
    profile = session.get(Profile, owner.id)
    if profile is None:
        profile = Profile(owner_id=owner.id, schools=[], employers=[], fields=[])
        profile.country, profile.timezone = "US", "UTC"
        session.add(profile)
        session.flush()
    return profile


def _clean_list(values: Sequence[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        cleaned = " ".join(value.split())
        if cleaned:
            seen.setdefault(cleaned.casefold(), cleaned)
    return list(seen.values())


def check_country(code: str) -> str:
    import holidays

    upper = code.strip().upper()
    if upper not in holidays.list_supported_countries():
        raise Invalid("country", f"{code!r} is not a two-letter country code we know holidays for")
    return upper


def check_timezone(name: str) -> str:
    try:
        ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid("timezone", f"{name!r} is not a time zone (try Europe/Paris)") from None
    return name.strip()


def update_profile(
    session: Session,
    *,
    owner: User,
    name: str | None = None,
    email: str | None = None,
    schools: Sequence[str] | None = None,
    employers: Sequence[str] | None = None,
    fields: Sequence[str] | None = None,
    country: str | None = None,
    timezone: str | None = None,
) -> Profile:
    """Set the given parts of the profile; lists replace what was there."""
    profile = get_profile(session, owner=owner)
    if name is not None:
        profile.name = " ".join(name.split()) or None
    if email is not None:
        profile.email = normalise_email(email)[0] if email.strip() else None
    if schools is not None:
        profile.schools = _clean_list(schools)
    if employers is not None:
        profile.employers = _clean_list(employers)
    if fields is not None:
        profile.fields = _clean_list(fields)
    if country is not None:
        profile.country = check_country(country)
    if timezone is not None:
        profile.timezone = check_timezone(timezone)
    session.flush()
    return profile
