"""``coffeechat attire``: what to wear to an interview, and why."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import typer

from coffeechat.cli._common import console, emit_json, session_scope

if TYPE_CHECKING:
    from coffeechat.meetings.attire import AttireAdvice


def advice_json(advice: AttireAdvice) -> dict[str, Any]:
    return asdict(advice) | {"reasons": [asdict(r) for r in advice.reasons]}


def attire(
    interview_id: int = typer.Argument(..., metavar="INTERVIEW_ID"),
    choose: str | None = typer.Option(
        None,
        "--choose",
        metavar="LEVEL",
        help="Save your choice: casual, smart-casual, business-casual, "
        "business-professional or business-formal.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md)."),
) -> None:
    """Recommend what to wear, with the reasons and a short checklist."""
    from coffeechat.meetings.attire import advise, choose_attire

    with session_scope() as (session, owner):
        if choose is not None:
            choose_attire(session, owner=owner, interview_id=interview_id, level=choose)
        advice = advise(session, owner=owner, interview_id=interview_id)
    if as_json:
        emit_json(advice_json(advice))
        return
    _show(advice)


def _show(advice: AttireAdvice) -> None:
    from rich.markup import escape

    from coffeechat.meetings.attire_rules import LEVEL_LABELS

    out = console()
    out.print(f"[bold]Wear: {advice.label}[/bold] (interview {advice.interview_id})")
    out.print(f"  {escape(advice.outfit)}")
    out.print("\n[bold]Why[/bold]")
    for reason in advice.reasons:
        out.print(f"  - {escape(reason.text)}")
        evidence = reason.evidence
        if evidence is not None and evidence.kind == "fact":
            cited = " · ".join(p for p in (evidence.source_title, evidence.source_url) if p)
            out.print(
                f'    [dim]"{escape(evidence.text)}"'
                + (f" ({escape(cited)})" if cited else "")
                + "[/dim]"
            )
    out.print("\n[bold]Checklist[/bold]")
    for item in advice.checklist:
        out.print(f"  [ ] {escape(item)}")
    if advice.chosen:
        out.print(f"\nYour choice: {LEVEL_LABELS.get(advice.chosen, advice.chosen)}.")
    else:
        out.print(
            f"\nSave your choice: coffeechat attire {advice.interview_id} "
            f"--choose {advice.level.replace('_', '-')}"
        )
