"""Putting an interview in the calendar: when, for how long, where or on which link."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.meetings.pipeline import ALLOWED_MOVES, get_interview, move_interview
from coffeechat.meetings.when import describe_when
from coffeechat.models import Interview, Stage, User, Venue, utcnow
from coffeechat.network.contacts import normalise_url

DEFAULT_MINUTES = 30
MAX_MINUTES = 8 * 60
# Venues where you meet face to face: they have a place, not a link.
IN_PERSON = frozenset({Venue.OFFICE, Venue.COFFEE, Venue.MEAL})
# "mailto:", "zoommtg://", "javascript:"... but not "host:8080", which is a port.
_VENUE_WORDS = {
    Venue.OFFICE: "office visit",
    Venue.COFFEE: "coffee",
    Venue.VIDEO: "video call",
    Venue.PHONE: "phone call",
    Venue.MEAL: "a meal",
}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(?!\d)")


@dataclass(frozen=True)
class Scheduled:
    """The interview after scheduling, and what the user should be told about it."""

    interview: Interview
    rescheduled: bool
    warnings: tuple[str, ...]


def parse_venue(value: str | Venue) -> Venue:
    try:
        return Venue(value)
    except ValueError:
        choices = ", ".join(v.value for v in Venue)
        raise Invalid("venue", f"{value!r} is not a venue; use one of {choices}") from None


def check_link(link: str) -> str:
    """A meeting link as stored: http or https only (a bare host gets https)."""
    cleaned = link.strip()
    scheme = _SCHEME.match(cleaned)
    if scheme is not None and scheme.group(1).lower() not in ("http", "https"):
        raise Invalid("link", f"{link!r} is not a web address; use an http:// or https:// link")
    return normalise_url(cleaned, field="link")[0]


def schedule_interview(
    session: Session,
    *,
    owner: User,
    interview_id: int,
    at: datetime,
    minutes: int | None = None,
    venue: str | Venue | None = None,
    place: str | None = None,
    link: str | None = None,
    force: bool = False,
    now: datetime | None = None,
    zone: tzinfo = UTC,
) -> Scheduled:
    """Set the time and venue and move the interview to "scheduled".

    Allowed from idea and requested; a scheduled interview is simply updated (rescheduled).
    Everything is checked before anything changes. A time in the past is refused unless
    ``force`` (recording a meeting that was agreed after the fact), and then comes back as a
    warning.
    """
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    current = Stage(interview.stage)
    if current is not Stage.SCHEDULED and Stage.SCHEDULED not in ALLOWED_MOVES[current]:
        raise Invalid(
            "stage",
            f"interview {interview.id} is {current.value}; only an idea, a requested or an "
            "already scheduled interview can be scheduled",
        )
    if at.tzinfo is None:
        raise Invalid("at", "the time needs a time zone")
    chosen_venue = _chosen_venue(interview, venue)
    length = _length(interview, minutes)
    new_place, new_link = _where(interview, chosen_venue, place, link)

    warnings: list[str] = []
    if at < (now or utcnow()):
        if not force:
            raise Invalid(
                "at",
                f"{describe_when(at, zone)} is in the past; add --force to record it anyway",
            )
        warnings.append(f"{describe_when(at, zone)} is in the past; recorded because of --force.")
    if chosen_venue is Venue.VIDEO and not new_link:
        warnings.append("No video link yet; add it later with --link.")

    rescheduled = current is Stage.SCHEDULED
    if not rescheduled:
        move_interview(session, owner=owner, interview_id=interview.id, stage=Stage.SCHEDULED)
    interview.scheduled_at = at
    interview.duration_minutes = length
    interview.venue = chosen_venue.value
    interview.place = new_place
    interview.link = new_link
    session.flush()
    return Scheduled(interview=interview, rescheduled=rescheduled, warnings=tuple(warnings))


def _chosen_venue(interview: Interview, venue: str | Venue | None) -> Venue:
    if venue is not None:
        return parse_venue(venue)
    if interview.venue:
        return Venue(interview.venue)
    choices = "|".join(v.value for v in Venue)
    raise Invalid("venue", f"say where you will meet: --venue {choices}")


def describe_where(interview: Interview) -> str:
    """Where a meeting happens, in words: "coffee at Blue Bottle", "video call: https://…"."""
    if not interview.venue:
        return "place not set"
    venue = Venue(interview.venue)
    label = _VENUE_WORDS[venue]
    if interview.place:
        label += f" at {interview.place}" if venue in IN_PERSON else f" ({interview.place})"
    if interview.link:
        label += f": {interview.link}"
    return label


def _length(interview: Interview, minutes: int | None) -> int:
    if minutes is None:
        return interview.duration_minutes or DEFAULT_MINUTES
    if not 1 <= minutes <= MAX_MINUTES:
        raise Invalid("minutes", f"must be between 1 and {MAX_MINUTES}, not {minutes}")
    return minutes


def _where(
    interview: Interview, venue: Venue, place: str | None, link: str | None
) -> tuple[str | None, str | None]:
    """The place and link to store: given ones win; old ones survive only on the same venue."""
    same_venue = interview.venue == venue.value
    new_place = interview.place if same_venue else None
    new_link = interview.link if same_venue else None
    if place is not None:
        cleaned = " ".join(place.split())
        if len(cleaned) > 500:
            raise Invalid("place", "must be at most 500 characters")
        new_place = cleaned or None
    if link is not None:
        new_link = check_link(link) if link.strip() else None
    return new_place, new_link
