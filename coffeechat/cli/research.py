"""``coffeechat research``: pages, sites and bios in; facts to review out."""

from __future__ import annotations

from collections import Counter
from shlex import quote
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


@app.command("site")
def site(
    organization: str = typer.Argument(..., metavar="ORG", help="Organization name or id."),
    url: str = typer.Argument(..., help="The organization's home page."),
    as_json: bool = JSON,
) -> None:
    """Read an organization's about, mission, values, careers and news pages (at most 12)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from coffeechat.config import get_settings
    from coffeechat.research.site import research_site

    with session_scope() as (session, owner):
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("Reading robots.txt and the home page", total=None)

            def step(done: int, total: int, page: str) -> None:
                bar.update(task, completed=done, total=total, description=f"Read {page}")

            report = research_site(
                session,
                owner=owner,
                organization=organization,
                url=url,
                settings=get_settings(),
                progress=step,
            )
        if as_json:
            emit_json(
                {
                    "organization": report.organization,
                    "pages": [
                        {
                            "url": page.url,
                            "category": page.category,
                            "status": page.status,
                            "reason": page.reason or None,
                            "source_id": page.source_id,
                            "facts": page.kinds,
                        }
                        for page in report.pages
                    ],
                    "found_where": report.found_where(),
                }
            )
            return
        stored = sum(1 for page in report.pages if page.status != "skipped")
        home = report.pages[0].url if report.pages else url
        typer.echo(f"{report.organization}: read {stored} of {len(report.pages)} pages of {home}")
        table(
            ["Page", "Kind of page", "Status", "Found"],
            [
                [_path(p.url), p.category, p.status, p.reason or _counts(_expand(p.kinds))]
                for p in report.pages
            ],
            empty="No pages found.",
        )
        where = report.found_where()
        if where:
            typer.echo("\nFound where:")
            for kind, pages in sorted(where.items()):
                typer.echo(f"  {kind.replace('_', ' ')}: {', '.join(_path(p) for p in pages)}")
        typer.echo(f"\nReview the facts: coffeechat research facts {quote(report.organization)}")


def _path(url: str) -> str:
    """The part of a page's address after the site, which is shown once above the table."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _expand(kinds: dict[str, int]) -> list[str]:
    return [kind for kind, n in kinds.items() for _ in range(n)]


@app.command("bio")
def bio(
    person_id: int = typer.Argument(..., metavar="PERSON_ID"),
    ref: str = typer.Argument(
        ..., metavar="FILE|-", help="A pasted bio, or a profile saved as PDF; - for stdin."
    ),
    as_json: bool = JSON,
) -> None:
    """Read a person's roles and schools from a bio or a profile PDF; find shared ground."""
    from coffeechat.config import get_settings
    from coffeechat.research.service import add_bio

    stdin = _stdin(ref)
    with session_scope() as (session, owner):
        result = add_bio(
            session,
            owner=owner,
            person_id=person_id,
            ref=ref,
            settings=get_settings(),
            stdin=stdin,
        )
        background = result.background
        if as_json:
            emit_json(
                {
                    "person": {"id": result.person.id, "name": result.person.full_name},
                    "source_id": result.ingested.source.id,
                    "roles": [
                        {
                            "title": r.title,
                            "organization": r.organization,
                            "start_year": r.start_year,
                            "end_year": r.end_year,
                            "current": r.current,
                        }
                        for r in background.roles
                    ],
                    "schools": [
                        {
                            "name": s.name,
                            "degree": s.degree or None,
                            "start_year": s.start_year,
                            "end_year": s.end_year,
                        }
                        for s in background.schools
                    ],
                    "openers": result.openers,
                    "facts": [fact_json(fact) for fact in result.ingested.facts],
                }
            )
            return
        typer.echo(f"Background of {result.person.full_name}:")
        table(
            ["Role", "Organization", "Years"],
            [
                [r.title, r.organization, _years(r.start_year, r.end_year, r.current)]
                for r in background.roles
            ],
            empty="No roles found.",
        )
        table(
            ["School", "Degree", "Years"],
            [
                [s.name, s.degree, _years(s.start_year, s.end_year, False)]
                for s in background.schools
            ],
            empty="No schools found.",
        )
        for line in result.openers:
            typer.echo(f"Opener: {line}")


def _years(start: int | None, end: int | None, current: bool) -> str:
    last = "present" if current else (str(end) if end else "")
    if start and last and str(start) != last:
        return f"{start}–{last}"
    return str(start or last or "")
