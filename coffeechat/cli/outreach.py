"""``coffeechat outreach``: draft the request, record it sent, record the answer."""

from __future__ import annotations

import enum

import typer

from coffeechat.cli._common import emit_json, session_scope
from coffeechat.cli.drafts import draft_json, show_draft

app = typer.Typer(no_args_is_help=True)


class Variant(enum.StrEnum):
    # Mirrors coffeechat.meetings.outreach.Variant, kept here so --help stays instant.
    ALUMNI = "alumni"
    REFERRAL = "referral"
    EVENT = "event"
    COLD = "cold"


JSON = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md).")
AT = typer.Option(
    None,
    "--at",
    metavar="WHEN",
    help='When, e.g. "yesterday 3pm" or 2026-11-20T14:00 (default now).',
)


@app.command("draft")
def draft(
    interview_id: int = typer.Argument(..., metavar="INTERVIEW_ID"),
    variant: Variant | None = typer.Option(
        None, "--variant", help="Which connection to lead with (default: from how you met)."
    ),
    event: str | None = typer.Option(None, "--event", help="Where you met, for the event variant."),
    follow_up: bool = typer.Option(False, "--follow-up", help="Draft the one follow-up instead."),
    as_json: bool = JSON,
) -> None:
    """Draft a short request for a meeting (nothing is sent)."""
    from coffeechat.meetings.outreach import draft_follow_up, draft_outreach

    with session_scope() as (session, owner):
        if follow_up:
            note = draft_follow_up(session, owner=owner, interview_id=interview_id)
        else:
            note = draft_outreach(
                session,
                owner=owner,
                interview_id=interview_id,
                variant=variant.value if variant else None,
                event=event,
            )
        if as_json:
            emit_json(draft_json(note))
        else:
            show_draft(note)


@app.command("sent")
def sent(
    interview_id: int = typer.Argument(..., metavar="INTERVIEW_ID"),
    at: str | None = AT,
    follow_up: bool = typer.Option(False, "--follow-up", help="It was the follow-up."),
) -> None:
    """Record that you sent the request (or its follow-up)."""
    from coffeechat.meetings.outreach import record_sent
    from coffeechat.meetings.when import describe_when, owner_zone, resolve_past

    with session_scope() as (session, owner):
        when = resolve_past(session, owner=owner, text=at)
        message = record_sent(
            session, owner=owner, interview_id=interview_id, at=when, follow_up=follow_up
        )
        assert message.sent_at is not None and message.interview is not None
        person = message.interview.person
        what = "Follow-up" if follow_up else "Request"
        zone = owner_zone(session, owner)
        typer.echo(
            f"{what} to {person.full_name if person else 'your contact'} recorded as sent "
            f"{describe_when(message.sent_at, zone)}; interview {interview_id} is requested."
        )


@app.command("replied")
def replied(
    interview_id: int = typer.Argument(..., metavar="INTERVIEW_ID"),
    at: str | None = AT,
    declined: bool = typer.Option(False, "--declined", help="They said no (kindly)."),
) -> None:
    """Record their answer; the follow-up reminders stop."""
    from coffeechat.meetings.outreach import record_replied
    from coffeechat.meetings.when import describe_when, owner_zone, resolve_past

    with session_scope() as (session, owner):
        when = resolve_past(session, owner=owner, text=at)
        interview = record_replied(
            session, owner=owner, interview_id=interview_id, at=when, declined=declined
        )
        assert interview.replied_at is not None
        zone = owner_zone(session, owner)
        person = interview.person.full_name if interview.person else "Your contact"
        next_step = (
            "interview declined"
            if declined
            else f"schedule it: coffeechat interviews schedule {interview.id} --at WHEN"
        )
        typer.echo(f"{person} replied {describe_when(interview.replied_at, zone)}; {next_step}.")
