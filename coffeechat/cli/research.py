"""``coffeechat research``: pages, sites and bios in; facts to review out."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import typer

from coffeechat.cli._common import console, emit_json, fail, session_scope, table

if TYPE_CHECKING:
    from coffeechat.models import Fact
    from coffeechat.research.ingest import Ingested

app = typer.Typer(no_args_is_help=True)

JSON = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md).")
SOURCE = typer.Argument(..., metavar="URL|FILE|-", help="A web address, a file, or - for stdin.")


def _stdin(ref: str) -> bytes | None:
    return typer.get_binary_stream("stdin").read() if ref == "-" else None


def fact_json(fact: Fact) -> dict[str, Any]:
    source = fact.source
    return {
        "id": fact.id,
        "kind": fact.kind,
        "text": fact.text,
        "edited_text": fact.edited_text,
        "status": fact.status,
        "confidence": fact.confidence,
        "start": fact.start,
        "end": fact.end,
        "source": {"id": source.id, "url": source.url, "title": source.title},
    }


def _counts(kinds: list[str]) -> str:
    counts = Counter(kinds)
    return ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in sorted(counts.items()))


def _said(ingested: Ingested) -> str:
    source = ingested.source
    verb = "Added" if ingested.created else "Updated"
    name = source.title or source.url or "the text"
    facts = ingested.facts
    found = f"{len(facts)} fact{'s' if len(facts) != 1 else ''}"
    detail = f" ({_counts([f.kind for f in facts])})" if facts else ""
    return f"{verb} {name!r} as source {source.id}: {found}{detail}."


@app.command("add")
def add(
    organization: str = typer.Argument(..., metavar="ORG", help="Organization name or id."),
    ref: str = SOURCE,
    as_json: bool = JSON,
) -> None:
    """Store a page or document and the facts found in it under an organization."""
    from coffeechat.config import get_settings
    from coffeechat.research.service import add_page

    stdin = _stdin(ref)
    with session_scope() as (session, owner):
        ingested = add_page(
            session,
            owner=owner,
            organization=organization,
            ref=ref,
            settings=get_settings(),
            stdin=stdin,
        )
        if as_json:
            source = ingested.source
            emit_json(
                {
                    "source": {"id": source.id, "url": source.url, "title": source.title},
                    "created": ingested.created,
                    "facts": [fact_json(fact) for fact in ingested.facts],
                }
            )
        else:
            typer.echo(_said(ingested))


@app.command("extract")
def extract(ref: str = SOURCE, as_json: bool = JSON) -> None:
    """Show what a page or document holds, without storing anything."""
    from coffeechat.config import get_settings
    from coffeechat.errors import CoffeechatError
    from coffeechat.research.ingest import analyse

    try:
        analysis = analyse(ref, settings=get_settings(), stdin=_stdin(ref))
    except CoffeechatError as error:
        fail(str(error))
    if as_json:
        emit_json(analysis.as_json())
        return
    doc = analysis.extracted
    typer.echo(f"{doc.title or '(untitled)'} · {len(doc.text)} characters of text")
    table(
        ["Kind", "Conf.", "Sentence"],
        [
            [f.kind, f"{f.confidence:.2f}", doc.text[f.start : f.end]]
            for f in sorted(analysis.facts, key=lambda f: (f.kind, f.start))
        ],
        empty="No facts found (mission, values, culture, products, news...).",
    )


@app.command("facts")
def facts(
    organization: str = typer.Argument(..., metavar="ORG", help="Organization name or id."),
    kind: list[str] = typer.Option([], "--kind", help="Only this kind (repeatable)."),
    all_: bool = typer.Option(False, "--all", help="Include rejected facts."),
    as_json: bool = JSON,
) -> None:
    """List what is known about an organization, by kind."""
    from coffeechat.research.service import list_facts

    with session_scope() as (session, owner):
        org, found = list_facts(
            session, owner=owner, organization=organization, kinds=kind, include_rejected=all_
        )
        if as_json:
            emit_json([fact_json(fact) for fact in found])
            return
        console().print(f"[bold]{org.name}[/bold]")
        table(
            ["ID", "Kind", "Status", "Fact"],
            [[str(f.id), f.kind, f.status, f.shown_text] for f in found],
            empty=f"No facts yet. Add a page: coffeechat research add {org.id} URL",
        )


@app.command("confirm")
def confirm(fact_id: int = typer.Argument(..., metavar="FACT_ID")) -> None:
    """Mark a fact as right."""
    from coffeechat.research.service import confirm_fact

    with session_scope() as (session, owner):
        fact = confirm_fact(session, owner=owner, fact_id=fact_id)
        typer.echo(f"Confirmed fact {fact.id} ({fact.kind}).")


@app.command("reject")
def reject(fact_id: int = typer.Argument(..., metavar="FACT_ID")) -> None:
    """Mark a fact as wrong; it stays rejected when the page is added again."""
    from coffeechat.research.service import reject_fact

    with session_scope() as (session, owner):
        fact = reject_fact(session, owner=owner, fact_id=fact_id)
        typer.echo(f"Rejected fact {fact.id} ({fact.kind}).")


@app.command("edit")
def edit(
    fact_id: int = typer.Argument(..., metavar="FACT_ID"),
    text: str = typer.Argument(..., help="The corrected wording."),
) -> None:
    """Correct a fact's wording (the original sentence is kept); this confirms it."""
    from coffeechat.research.service import edit_fact

    with session_scope() as (session, owner):
        fact = edit_fact(session, owner=owner, fact_id=fact_id, text=text)
        typer.echo(f"Edited fact {fact.id} ({fact.kind}).")
