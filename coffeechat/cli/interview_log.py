"""``coffeechat interviews log``: what happened at the meeting, and whom they suggested."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from coffeechat.cli._common import emit_json, fail, session_scope

if TYPE_CHECKING:
    from coffeechat.meetings.aftermath import MeetingLog


def _read_notes(source: str | None) -> str | None:
    if source is None:
        return None
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(f"notes: no file {source!r}")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"notes: cannot read {source!r} as UTF-8 text ({error})")


def log_json(log: MeetingLog) -> dict[str, Any]:
    from coffeechat.cli.interviews import interview_json

    return interview_json(log.interview) | {
        "held_now": log.held_now,
        "asked": [q.id for q in log.asked],
        "referrals": [
            {
                "person": {"id": r.person.id, "name": r.person.full_name},
                "new_person": r.new_person,
                "interview": r.interview.id if r.interview else None,
                "new_interview": r.new_interview,
            }
            for r in log.referrals
        ],
    }


def log(
    interview_id: int = typer.Argument(..., metavar="ID"),
    notes: str | None = typer.Option(
        None, "--notes", metavar="FILE|-", help="Notes from a file, or - for standard input."
    ),
    takeaway: list[str] = typer.Option([], "--takeaway", help="A key takeaway (repeatable)."),
    referral: list[str] = typer.Option(
        [], "--referral", help='Someone they suggested: "NAME[, TITLE] at ORG" (repeatable).'
    ),
    asked: list[int] = typer.Option([], "--asked", help="ID of a planned question you asked."),
    at: str | None = typer.Option(
        None, "--at", metavar="WHEN", help="When you met (default: the scheduled time, or now)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md)."),
) -> None:
    """Record what happened at the meeting: notes, takeaways, referrals, questions asked."""
    from coffeechat.meetings.aftermath import log_meeting
    from coffeechat.meetings.when import describe_when, owner_zone, resolve_past

    text = _read_notes(notes)
    with session_scope() as (session, owner):
        result = log_meeting(
            session,
            owner=owner,
            interview_id=interview_id,
            notes=text,
            takeaways=takeaway,
            referrals=referral,
            asked=asked,
            at=resolve_past(session, owner=owner, text=at),
        )
        if as_json:
            emit_json(log_json(result))
            return
        interview = result.interview
        assert interview.held_at is not None
        zone = owner_zone(session, owner)
        who = interview.person.full_name if interview.person else "your contact"
        typer.echo(
            f"Logged interview {interview.id} with {who}: "
            f"held {describe_when(interview.held_at, zone)}."
        )
        typer.echo(
            f"  {len(interview.takeaways)} takeaway(s), "
            f"{len(result.asked)} question(s) marked asked."
        )
        for r in result.referrals:
            person = f"{r.person.full_name} (person {r.person.id}{', new' if r.new_person else ''})"
            if r.interview is None:
                typer.echo(f"  Referral: {person}")
            elif r.new_interview:
                typer.echo(f"  Referral: {person}, new interview idea {r.interview.id}")
            else:
                typer.echo(f"  Referral: {person}, already in interview {r.interview.id}")
        typer.echo(f"Next: coffeechat thanks draft {interview.id}")
