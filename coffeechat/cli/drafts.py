"""Showing a drafted note: as the text to paste into a mail client, or as JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from coffeechat.meetings.drafts import Draft


def draft_json(draft: Draft) -> dict[str, Any]:
    return {
        "interview": draft.interview_id,
        "kind": draft.kind,
        "variant": draft.variant,
        "to": {"name": draft.to_name, "emails": list(draft.to_emails)},
        "subject": draft.subject,
        "body": draft.body,
        "words": draft.words,
        "warnings": list(draft.warnings),
    }


def show_draft(draft: Draft) -> None:
    """The draft on stdout; anything to fix before sending on stderr."""
    to = draft.to_name
    if draft.to_emails:
        to = f"{to} <{draft.to_emails[0]}>"
    typer.echo(f"To: {to}\nSubject: {draft.subject}\n\n{draft.body}\n\n({draft.words} words)")
    for warning in draft.warnings:
        typer.echo(f"Note: {warning}", err=True)
