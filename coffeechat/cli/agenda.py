"""``coffeechat agenda``: what is due or overdue today (or on another day)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from coffeechat.cli._common import emit_json, session_scope, table

if TYPE_CHECKING:
    from coffeechat.meetings.agenda import AgendaItem
    from coffeechat.meetings.drafts import Draft


def item_json(item: AgendaItem, draft: Draft | None, include_draft: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": item.kind,
        "due": item.due.isoformat(),
        "overdue": item.overdue,
        "interview": item.interview_id,
        "person": item.person_id and {"id": item.person_id, "name": item.person_name},
        "title": item.title,
        "action": item.action,
        "readiness": item.readiness,
    }
    if include_draft:
        data["draft"] = draft and {"subject": draft.subject, "body": draft.body}
    return data


def agenda(
    on: str | None = typer.Option(
        None, "--date", metavar="D", help='The day: 2026-12-01, "tomorrow", "next monday".'
    ),
    drafts: bool = typer.Option(False, "--drafts", help="Include the note to send for each item."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md)."),
) -> None:
    """What is due: thank-yous, meetings to prepare, follow-ups, updates, keeping in touch."""
    from zoneinfo import ZoneInfo

    from coffeechat.config import get_settings
    from coffeechat.meetings.agenda import build_agenda, item_draft, rules_from
    from coffeechat.meetings.followup import local_date, settle_silences
    from coffeechat.meetings.when import parse_when
    from coffeechat.models import utcnow
    from coffeechat.network.profile import get_profile

    rules = rules_from(get_settings())
    now = utcnow()
    with session_scope() as (session, owner):
        profile = get_profile(session, owner=owner)
        today = local_date(now, profile.timezone)
        day = today
        if on is not None:
            moment = parse_when(on, zone=ZoneInfo(profile.timezone), now=now, field="date")
            day = local_date(moment, profile.timezone)
        moved = settle_silences(
            session,
            owner=owner,
            country=profile.country,
            timezone=profile.timezone,
            today=today,
            rules=rules.follow_up,
        )
        items = build_agenda(session, owner=owner, day=day, now=now, rules=rules)
        notes = [item_draft(session, owner=owner, item=i) if drafts else None for i in items]
        if as_json:
            emit_json([item_json(i, d, drafts) for i, d in zip(items, notes, strict=True)])
            return
        for interview in moved:
            who = interview.person.full_name if interview.person else "your contact"
            typer.echo(
                f"No answer from {who} after a follow-up: "
                f"interview {interview.id} moved to no_reply."
            )
        zone = ZoneInfo(profile.timezone)
        typer.echo(f"Agenda for {day.strftime('%A %d %B %Y')}")
        table(
            ["Due", "", "What", "Do"],
            [
                [
                    i.due.astimezone(zone).strftime("%a %d %b %H:%M"),
                    "overdue" if i.overdue else "",
                    i.title + ("" if i.readiness is None else f" (readiness {i.readiness}%)"),
                    i.action,
                ]
                for i in items
            ],
            empty="Nothing due. A good day to add someone: coffeechat people add NAME --org ORG",
        )
        for item, note in zip(items, notes, strict=True):
            if note is not None:
                typer.echo(f"\n— {item.title} —\nSubject: {note.subject}\n\n{note.body}")
