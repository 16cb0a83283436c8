"""Scheduled interviews as an RFC 5545 calendar (an .ics file or a subscription feed).

A pure service: it reads the rows it is given and returns a calendar; writing files or
serving HTTP is the adapter's job. UIDs are stable, so exporting again (or refreshing a
feed) updates the same events in the user's calendar instead of duplicating them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from icalendar import Alarm, Calendar, Event, vCalAddress, vText
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.interfaces import LoaderOption

from coffeechat import __version__
from coffeechat.errors import Invalid
from coffeechat.meetings.schedule import DEFAULT_MINUTES
from coffeechat.models import Interview, Person, Profile, Stage, User, Venue, utcnow
from coffeechat.scoping import owned

PRODID = f"-//Coffeechat//Coffeechat {__version__}//EN"
UID_DOMAIN = "coffeechat.invalid"


@dataclass(frozen=True)
class DueEvent:
    """An all-day reminder (a thank-you or follow-up that is due on ``day``).

    ``key`` names the reminder stably, for example ``"thank-you-12"``: the same key always
    gives the same UID.
    """

    key: str
    day: date
    summary: str
    description: str = ""
    stamp: datetime | None = None


def _with_details() -> tuple[LoaderOption, ...]:
    return (
        selectinload(Interview.person).selectinload(Person.contacts),
        selectinload(Interview.person).selectinload(Person.organization),
        selectinload(Interview.organization),
        selectinload(Interview.questions),
    )


def scheduled_interviews(session: Session, *, owner: User) -> list[Interview]:
    """Every interview in the "scheduled" stage that has a time, soonest first."""
    statement = (
        owned(Interview, owner)
        .where(Interview.stage == Stage.SCHEDULED.value, Interview.scheduled_at.is_not(None))
        .options(*_with_details())
        .order_by(Interview.scheduled_at, Interview.id)
    )
    return list(session.scalars(statement))


def interviews_for_export(
    session: Session, *, owner: User, interview_ids: Sequence[int] = ()
) -> list[Interview]:
    """The given interviews (each must have a time), or all scheduled ones when none given."""
    if not interview_ids:
        return scheduled_interviews(session, owner=owner)
    wanted = list(dict.fromkeys(interview_ids))
    found = {
        i.id: i
        for i in session.scalars(
            owned(Interview, owner).where(Interview.id.in_(wanted)).options(*_with_details())
        )
    }
    missing = [key for key in wanted if key not in found]
    if missing:
        listed = ", ".join(str(key) for key in missing)
        raise Invalid("id", f"no interview with id {listed}")
    untimed = [key for key in wanted if found[key].scheduled_at is None]
    if untimed:
        listed = ", ".join(str(key) for key in untimed)
        raise Invalid(
            "id",
            f"interview {listed} has no time yet; set one with "
            "`coffeechat interviews schedule ID --at WHEN`",
        )
    return sorted(found.values(), key=lambda i: (i.scheduled_at, i.id))


def owner_uid_salt(owner: User) -> str:
    """A short value unique to this account in this database, stable across exports."""
    seed = f"{owner.id}|{owner.username}|{owner.created_at.isoformat()}"
    return hashlib.sha256(seed.encode()).hexdigest()[:16]


def interview_uid(owner: User, interview_id: int) -> str:
    return f"interview-{interview_id}-{owner_uid_salt(owner)}@{UID_DOMAIN}"


def build_calendar(
    session: Session,
    *,
    owner: User,
    interviews: Iterable[Interview],
    extra_events: Iterable[DueEvent] = (),
    name: str = "Coffeechat",
) -> Calendar:
    """A VCALENDAR with one VEVENT per timed interview plus the all-day ``extra_events``."""
    profile = session.get(Profile, owner.id)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for interview in interviews:
        if interview.owner_id != owner.id:
            raise ValueError("interviews of another owner cannot go in this calendar")
        if interview.scheduled_at is not None:
            calendar.add_component(_interview_event(owner, profile, interview))
    for due in extra_events:
        calendar.add_component(_due_event(owner, due))
    return calendar


def calendar_bytes(
    session: Session,
    *,
    owner: User,
    interviews: Iterable[Interview],
    extra_events: Iterable[DueEvent] = (),
) -> bytes:
    """The calendar serialised as iCalendar text (CRLF line ends, folded lines)."""
    calendar = build_calendar(
        session, owner=owner, interviews=interviews, extra_events=extra_events
    )
    return bytes(calendar.to_ical())


def _interview_event(owner: User, profile: Profile | None, interview: Interview) -> Event:
    assert interview.scheduled_at is not None
    person = interview.person
    who = person.full_name if person else "a contact"
    org = interview.organization.name if interview.organization else None
    start = interview.scheduled_at
    end = start + timedelta(minutes=interview.duration_minutes or DEFAULT_MINUTES)

    event = Event()
    event.add("uid", interview_uid(owner, interview.id))
    # The row's last change, not "now": an unchanged interview exports byte for byte the same.
    event.add("dtstamp", interview.updated_at)
    event.add("last-modified", interview.updated_at)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", f"Informational interview with {who}" + (f" ({org})" if org else ""))
    event.add("status", "CONFIRMED")
    event.add("categories", ["Informational interview"])
    event.add("description", _description(interview))
    _add_where(event, interview)
    _add_people(event, profile, person)
    event.add_component(
        _alarm(
            timedelta(days=-1),
            f"Tomorrow: informational interview with {who}. Send a short confirmation, "
            "then review your questions, your research and the way there.",
        )
    )
    soon = f"In one hour: informational interview with {who}."
    if interview.link:
        soon += f" Link: {interview.link}"
    event.add_component(_alarm(timedelta(hours=-1), soon))
    return event


def _description(interview: Interview) -> str:
    parts: list[str] = []
    person = interview.person
    if person is not None:
        role = " at ".join(
            p for p in (person.title, person.organization and person.organization.name) if p
        )
        parts.append(f"With {person.full_name}" + (f", {role}" if role else ""))
    if interview.goal:
        parts.append(f"Goal: {interview.goal}")
    questions = [q for q in interview.questions if q.state != "skipped"]
    if questions:
        lines = [
            f"{n}. {q.text}" + (" (must ask)" if q.starred else "")
            for n, q in enumerate(questions, start=1)
        ]
        parts.append("Questions:\n" + "\n".join(lines))
    if interview.link:
        parts.append(f"Link: {interview.link}")
    return "\n\n".join(parts)


def _add_where(event: Event, interview: Interview) -> None:
    venue = Venue(interview.venue) if interview.venue else None
    if venue is Venue.VIDEO:
        if interview.link:
            event.add("url", interview.link)
            # Most calendar apps show LOCATION, few show URL: put the link in both.
            event.add("location", interview.link)
        elif interview.place:
            event.add("location", interview.place)
        return
    if venue is Venue.PHONE:
        phones = interview.person.phones if interview.person else []
        number = interview.place or (phones[0] if phones else None)
        event.add("location", f"Phone call: {number}" if number else "Phone call")
        return
    if interview.place:
        event.add("location", interview.place)
    if interview.link:
        event.add("url", interview.link)


def _add_people(event: Event, profile: Profile | None, person: Person | None) -> None:
    # RFC 5545 wants an ORGANIZER whenever there are ATTENDEEs, so without the user's own
    # email the person stays in the description only.
    if profile is None or not profile.email:
        return
    organizer = vCalAddress(f"mailto:{profile.email}")
    if profile.name:
        organizer.params["cn"] = vText(profile.name)
    event.add("organizer", organizer)
    emails = person.emails if person else []
    if person is None or not emails:
        return
    attendee = vCalAddress(f"mailto:{emails[0]}")
    attendee.params["cn"] = vText(person.full_name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("ACCEPTED")
    attendee.params["rsvp"] = vText("FALSE")
    event.add("attendee", attendee)


def _alarm(before: timedelta, text: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", before)
    alarm.add("description", text)
    return alarm


def _due_event(owner: User, due: DueEvent) -> Event:
    event = Event()
    event.add("uid", f"{due.key}-{owner_uid_salt(owner)}@{UID_DOMAIN}")
    event.add("dtstamp", due.stamp or utcnow())
    event.add("dtstart", due.day)
    event.add("dtend", due.day + timedelta(days=1))
    event.add("summary", due.summary)
    if due.description:
        event.add("description", due.description)
    # A to-do reminder should not block the day as busy.
    event.add("transp", "TRANSPARENT")
    return event
