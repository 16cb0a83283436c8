"""Progress month by month: conversations held and referrals gained."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from coffeechat.meetings.when import owner_zone
from coffeechat.models import Interview, Person, User, utcnow
from coffeechat.scoping import scope


@dataclass(frozen=True)
class MonthTally:
    month: str  # YYYY-MM
    conversations: int
    referrals: int


def _months_back(latest: datetime, months: int) -> list[str]:
    year, month = latest.year, latest.month
    names = []
    for _ in range(months):
        names.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(names))


def monthly_progress(
    session: Session, *, owner: User, months: int = 12, now: datetime | None = None
) -> list[MonthTally]:
    """The last ``months`` months (in the user's time zone), oldest first."""
    zone = owner_zone(session, owner)
    names = _months_back((now or utcnow()).astimezone(zone), months)
    first = names[0]
    held = session.scalars(
        scope(select(Interview.held_at).where(Interview.held_at.is_not(None)), Interview, owner)
    )
    referred = session.scalars(
        scope(select(Person.created_at).where(Person.referred_by_id.is_not(None)), Person, owner)
    )
    conversations: dict[str, int] = dict.fromkeys(names, 0)
    referrals: dict[str, int] = dict.fromkeys(names, 0)
    for counts, moments in ((conversations, held), (referrals, referred)):
        for moment in moments:
            if moment is None:
                continue
            key = moment.astimezone(zone).strftime("%Y-%m")
            if key >= first and key in counts:
                counts[key] += 1
    return [MonthTally(name, conversations[name], referrals[name]) for name in names]
