"""``coffeechat interviews schedule``: set when and where a meeting happens."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from coffeechat.cli._common import emit_json, iso, session_scope
from coffeechat.vocab import Venue

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from coffeechat.meetings.schedule import Scheduled


def schedule(
    interview_id: int = typer.Argument(..., metavar="ID"),
    at: str = typer.Option(
        ..., "--at", metavar="WHEN", help="When: 'next Tuesday 3pm', '2026-12-01 15:00'…"
    ),
    minutes: int | None = typer.Option(
        None, "--minutes", metavar="N", help="Length in minutes (default 30, or as before)."
    ),
    venue: Venue | None = typer.Option(None, "--venue", help="Where: required the first time."),
    place: str | None = typer.Option(None, "--place", metavar="TEXT", help="Address or café."),
    link: str | None = typer.Option(None, "--link", metavar="URL", help="Video link (http/s)."),
    force: bool = typer.Option(False, "--force", help="Accept a time in the past."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md)."),
) -> None:
    """Schedule (or reschedule) an interview; times are read in your profile's time zone."""
    from coffeechat.meetings.schedule import schedule_interview
    from coffeechat.meetings.when import owner_zone, parse_when

    with session_scope() as (session, owner):
        zone = owner_zone(session, owner)
        when = parse_when(at, zone=zone, need_time=True)
        done = schedule_interview(
            session,
            owner=owner,
            interview_id=interview_id,
            at=when,
            minutes=minutes,
            venue=venue,
            place=place,
            link=link,
            force=force,
            zone=zone,
        )
        for warning in done.warnings:
            typer.echo(f"Warning: {warning}", err=True)
        _report(done, zone, as_json)


def _report(done: Scheduled, zone: ZoneInfo, as_json: bool) -> None:
    from coffeechat.cli.interviews import interview_json
    from coffeechat.meetings.schedule import describe_where
    from coffeechat.meetings.when import describe_span

    interview = done.interview
    assert interview.scheduled_at is not None and interview.duration_minutes is not None
    span = describe_span(interview.scheduled_at, interview.duration_minutes, zone)
    if as_json:
        emit_json(
            {
                **interview_json(interview),
                "local_start": iso(interview.scheduled_at.astimezone(zone)),
                "timezone": zone.key,
                "resolved": span,
                "rescheduled": done.rescheduled,
                "warnings": list(done.warnings),
            }
        )
        return
    person = interview.person.full_name if interview.person else "(person removed)"
    verb = "Rescheduled" if done.rescheduled else "Scheduled"
    where = describe_where(interview)
    typer.echo(f"{verb} interview {interview.id} with {person}: {span} ({zone.key}), {where}.")
