"""``coffeechat search``: one box over people, organizations, notes and facts."""

from __future__ import annotations

import typer

from coffeechat.cli._common import console, emit_json, session_scope


def search(
    query: str = typer.Argument(..., help="Words to find; each matches as a prefix."),
    limit: int = typer.Option(20, "--limit", help="At most this many results."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md)."),
) -> None:
    """Search people, organizations, interview notes and research facts."""
    from rich.markup import escape

    from coffeechat.search import search as run_search

    with session_scope() as (session, owner):
        hits = run_search(session, owner=owner, query=query, limit=limit)
    if as_json:
        emit_json(
            [
                {
                    "kind": h.kind,
                    "id": h.id,
                    "title": h.title,
                    "snippet": h.snippet,
                    "matches": [list(m) for m in h.matches],
                    "rank": h.rank,
                }
                for h in hits
            ]
        )
        return
    out = console()
    if not hits:
        out.print(f"Nothing matches {query!r}.")
        return
    for hit in hits:
        out.print(f"[bold]{escape(hit.title)}[/bold] [dim]{hit.kind} {hit.id}[/dim]")
        if hit.snippet:
            pieces, last = [], 0
            for start, end in hit.matches:
                pieces.append(escape(hit.snippet[last:start]))
                pieces.append(f"[yellow]{escape(hit.snippet[start:end])}[/yellow]")
                last = end
            pieces.append(escape(hit.snippet[last:]))
            out.print("  " + "".join(pieces))
