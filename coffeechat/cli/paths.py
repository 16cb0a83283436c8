"""``coffeechat paths ORG``: who could get you a conversation there."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from coffeechat.cli._common import emit_json, iso, session_scope
from coffeechat.cli.targets import contact_json

if TYPE_CHECKING:
    from coffeechat.network.next_contact import NextContact
    from coffeechat.network.paths import WarmPath, WarmPaths


def path_json(path: WarmPath) -> dict[str, Any]:
    return {
        "kind": path.kind.value,
        "length": path.length,
        "score": path.score,
        "alumni": path.alumni,
        "pattern": path.pattern.value,
        "ask": contact_json(path.ask),
        "insider": path.insider and contact_json(path.insider),
        "reasons": list(path.reasons),
    }


def next_contact_json(found: NextContact) -> dict[str, Any]:
    return {
        "organization": {"id": found.organization_id, "name": found.organization},
        "waiting_on": contact_json(found.waiting_on),
        "requested_on": iso(found.requested_on),
        "due_on": iso(found.due_on),
        "suggestion": found.suggestion and path_json(found.suggestion),
        "summary": found.summary,
    }


def paths_json(found: WarmPaths, next_contact: NextContact | None) -> dict[str, Any]:
    return {
        "organization": {"id": found.organization.id, "name": found.organization.name},
        "total": found.total,
        "paths": [path_json(p) for p in found.paths],
        "introducers": [
            {"person": contact_json(i.contact), "reason": i.reason} for i in found.introducers
        ],
        "next_contact": next_contact and next_contact_json(next_contact),
    }


def _line(number: int, path: WarmPath) -> str:
    who = path.ask.name + (f" ({path.ask.role})" if path.ask.role else "")
    if path.insider is not None:
        who += f" → {path.insider.name}"
    return f"{number:>2}. {who}: " + "; ".join(path.reasons)


def _print(found: WarmPaths, next_contact: NextContact | None) -> None:
    name = found.organization.name
    if found.paths:
        shown = len(found.paths)
        more = f" (best {shown} of {found.total})" if shown < found.total else ""
        typer.echo(f"Warm paths into {name}{more}:")
        for number, path in enumerate(found.paths, start=1):
            typer.echo(_line(number, path))
    else:
        typer.echo(f"Nobody in your network works or worked at {name} yet.")
        if found.introducers:
            typer.echo("Ask one of these people for an introduction:")
            for introducer in found.introducers:
                typer.echo(f" - {introducer.contact.name}: {introducer.reason}")
        else:
            typer.echo(
                "Add people you know (coffeechat people add) and your schools "
                "(coffeechat me --school ...) to find someone who can introduce you."
            )
    if next_contact is not None:
        typer.echo(f"Next: {next_contact.summary}")


def paths(
    organization: str = typer.Argument(..., metavar="ORG", help="Organization name or id."),
    limit: int = typer.Option(10, "--limit", min=1, help="Show at most this many paths."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md)."),
) -> None:
    """Who could get you a conversation at ORG, warmest first."""
    from coffeechat.config import get_settings
    from coffeechat.network.next_contact import next_contact_for
    from coffeechat.network.paths import warm_paths
    from coffeechat.network.targets import find_organization_ref

    days = get_settings().next_contact_business_days
    with session_scope() as (session, owner):
        target = find_organization_ref(session, owner=owner, ref=organization)
        found = warm_paths(session, owner=owner, organization=target, limit=limit)
        waiting = next_contact_for(
            session, owner=owner, organization=target, after_business_days=days
        )
        if as_json:
            emit_json(paths_json(found, waiting))
        else:
            _print(found, waiting)
