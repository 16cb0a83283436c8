"""``coffeechat thanks``: thank-you, update and keep-in-touch notes."""

from __future__ import annotations

import enum

import typer

from coffeechat.cli._common import emit_json, fail, session_scope
from coffeechat.cli.drafts import draft_json, show_draft

app = typer.Typer(no_args_is_help=True)


class Kind(enum.StrEnum):
    # Mirrors coffeechat.meetings.thanks.NoteKind, kept here so --help stays instant.
    THANK_YOU = "thank-you"
    UPDATE = "update"
    KEEP_IN_TOUCH = "keep-in-touch"


KIND = typer.Option(Kind.THANK_YOU, "--kind", help="Which note.")


@app.command("draft")
def draft(
    interview_id: int = typer.Argument(..., metavar="INTERVIEW_ID"),
    kind: Kind = KIND,
    as_json: bool = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md)."),
) -> None:
    """Draft a short note of thanks (or an update, or a hello); nothing is sent."""
    from coffeechat.meetings.thanks import draft_note

    with session_scope() as (session, owner):
        note = draft_note(session, owner=owner, interview_id=interview_id, kind=kind.value)
        if as_json:
            emit_json(draft_json(note))
        else:
            show_draft(note)


@app.command("sent")
def sent(
    interview_id: int = typer.Argument(..., metavar="INTERVIEW_ID"),
    kind: Kind = KIND,
    at: str | None = typer.Option(
        None, "--at", metavar="WHEN", help='When, e.g. "this morning 9am" (default now).'
    ),
) -> None:
    """Record that you sent the note; a thank-you moves the interview to thanked."""
    from coffeechat.meetings.thanks import record_note_sent
    from coffeechat.meetings.when import describe_when, owner_zone, resolve_past

    with session_scope() as (session, owner):
        when = resolve_past(session, owner=owner, text=at)
        message = record_note_sent(
            session, owner=owner, interview_id=interview_id, kind=kind.value, at=when
        )
        assert message.sent_at is not None and message.interview is not None
        person = message.interview.person
        zone = owner_zone(session, owner)
        typer.echo(
            f"{kind.value.capitalize()} note to {person.full_name if person else 'your contact'} "
            f"recorded as sent {describe_when(message.sent_at, zone)}."
        )


@app.command("cadence")
def cadence(
    person_id: int = typer.Argument(..., metavar="PERSON_ID"),
    days: str = typer.Argument(
        ..., metavar="DAYS", help='Days between hellos, 0 for never, or "default".'
    ),
) -> None:
    """Set how often to keep in touch with one person."""
    from coffeechat.config import get_settings
    from coffeechat.meetings.thanks import set_keep_in_touch

    if days != "default" and not days.isdigit():
        fail(f'days: {days!r} is not a number of days (or "default")')
    with session_scope() as (session, owner):
        person = set_keep_in_touch(
            session, owner=owner, person_id=person_id, days=None if days == "default" else int(days)
        )
        if person.keep_in_touch_days == 0:
            typer.echo(f"No keep-in-touch reminders for {person.full_name}.")
        else:
            every = person.keep_in_touch_days or get_settings().keep_in_touch_days
            typer.echo(f"Keep in touch with {person.full_name} every {every} days.")
