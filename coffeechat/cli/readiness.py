"""``coffeechat interviews readiness``: what is prepared for an interview, and what is not."""

from __future__ import annotations

from dataclasses import asdict

import typer

from coffeechat.cli._common import STATE, console, emit_json, session_scope

GROUPS = {
    "company": "The organization",
    "career": "The career",
    "person": "The person",
    "logistics": "The meeting",
}


def readiness(
    interview_id: int = typer.Argument(..., metavar="ID"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md)."),
) -> None:
    """Check what is ready for an interview and how to fill each gap."""
    from rich.markup import escape

    from coffeechat.research.readiness import readiness as check

    with session_scope() as (session, owner):
        result = check(session, owner=owner, interview_id=interview_id)
    if as_json:
        emit_json(
            {
                "interview_id": result.interview_id,
                "focus": result.focus,
                "score": result.score,
                "items": [asdict(item) for item in result.items],
            }
        )
        return
    out = console()
    out.print(
        f"[bold]Interview {result.interview_id}: {result.score}/100 ready[/bold] "
        f"({result.focus} focus, {len(result.missing)} to do)"
    )
    group = None
    for item in result.items:
        if item.group != group:
            group = item.group
            out.print(f"\n[bold]{GROUPS[group]}[/bold]")
        mark = "[green]✓[/green]" if item.done else "[red]✗[/red]"
        out.print(f"  {mark} {escape(item.label)} [dim]({escape(item.found)})[/dim]")
        if item.how:
            note = f"  [dim]({escape(item.note)})[/dim]" if item.note else ""
            out.print(f"      → {escape(_for_this_database(item.how))}{note}")


def _for_this_database(command: str) -> str:
    """Keep pointing at the demo database when that is the one being looked at."""
    if STATE.demo and command.startswith("coffeechat "):
        return "coffeechat --demo " + command.removeprefix("coffeechat ")
    return command
