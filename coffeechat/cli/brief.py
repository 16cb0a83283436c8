"""``coffeechat brief``: the one-page prep brief of an interview."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from coffeechat.cli._common import fail, session_scope


class BriefFormat(enum.StrEnum):
    MD = "md"
    HTML = "html"


def brief(
    interview_id: int = typer.Argument(..., metavar="INTERVIEW_ID"),
    format_: BriefFormat = typer.Option(BriefFormat.MD, "--format", help="md or html."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write to this file instead of the screen."
    ),
) -> None:
    """One printable page to prepare: who, when, goal, research, questions, attire."""
    from coffeechat.brief.render import build_brief, render_html, render_markdown

    with session_scope() as (session, owner):
        data = build_brief(session, owner=owner, interview_id=interview_id)
    text = render_html(data) if format_ is BriefFormat.HTML else render_markdown(data)
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"output: cannot write {output}: {error.strerror}")
    typer.echo(f"Brief written to {output}.")
