"""``coffeechat targets``: the LAMP target list (advocacy, motivation, postings)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from coffeechat.cli._common import emit_json, fail, iso, session_scope, table

if TYPE_CHECKING:
    from coffeechat.models import Target
    from coffeechat.network.targets import ScoredTarget
    from coffeechat.network.warmth import Contact

app = typer.Typer(no_args_is_help=True)

JSON = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md).")
CAREER = typer.Option(False, "--career", help="NAME is a career (title or O*NET code).")
ADVOCACY_WORDS = {2: "advocate", 1: "alumni", 0: "-"}


def contact_json(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.id,
        "name": contact.name,
        "title": contact.title,
        "organization": contact.organization,
    }


def target_json(target: Target) -> dict[str, Any]:
    organization, career = target.organization, target.career
    return {
        "id": target.id,
        "kind": "organization" if organization else "career",
        "name": target.name,
        "organization": organization and {"id": organization.id, "name": organization.name},
        "career": career
        and {"id": career.id, "title": career.title, "onet_code": career.onet_code},
        "motivation": target.motivation,
        "postings": target.postings,
        "notes": target.notes,
        "created_at": iso(target.created_at),
    }


def scored_json(row: ScoredTarget) -> dict[str, Any]:
    return target_json(row.target) | {
        "advocacy": row.advocacy,
        "advocates": [contact_json(c) for c in row.advocates],
        "alumni": [contact_json(c) for c in row.alumni],
        "scored": row.scored,
    }


def _people(row: ScoredTarget) -> str:
    names = [f"{c.name} (advocate)" for c in row.advocates]
    names += [f"{c.name} (alumni)" for c in row.alumni if c not in row.advocates]
    return ", ".join(names)


@app.command("add")
def add(
    name: str = typer.Argument(..., metavar="ORG", help="Organization name or id."),
    motivation: int | None = typer.Option(None, "--motivation", help="Your interest, 0–3."),
    postings: int | None = typer.Option(
        None, "--postings", help="Openings in your field there, 1–3."
    ),
    notes: str = typer.Option("", "--notes", help="Why it is on the list."),
    career: bool = CAREER,
    new: bool = typer.Option(False, "--new", help="Create the organization or career if new."),
    as_json: bool = JSON,
) -> None:
    """Put an organization (or a career) on your target list."""
    from coffeechat.errors import Invalid
    from coffeechat.network.targets import add_target

    with session_scope() as (session, owner):
        try:
            target = add_target(
                session,
                owner=owner,
                ref=name,
                career=career,
                create=new,
                motivation=motivation,
                postings=postings,
                notes=notes,
            )
        except Invalid as error:
            if error.field not in {"organization", "career"} or new:
                raise
            fail(f"{error} (add --new to create it)")
        if as_json:
            emit_json(target_json(target))
            return
        typer.echo(
            f"Added {target.name} to your targets (motivation {target.motivation}, "
            f"postings {target.postings if target.postings else 'not scored'})."
        )


@app.command("list")
def list_(as_json: bool = JSON) -> None:
    """List targets: advocacy first, then motivation, then postings (Dalton's LAMP order)."""
    from coffeechat.network.targets import list_targets

    with session_scope() as (session, owner):
        rows = list_targets(session, owner=owner)
        if as_json:
            emit_json([scored_json(row) for row in rows])
            return
        table(
            ["Target", "Advocacy", "Motivation", "Postings", "People there"],
            [
                [
                    row.name + (" (career)" if row.kind == "career" else ""),
                    ADVOCACY_WORDS[row.advocacy],
                    str(row.target.motivation),
                    str(row.target.postings) if row.target.postings else "?",
                    _people(row),
                ]
                for row in rows
            ],
            empty="No targets yet. Add one: coffeechat targets add Acme --new --motivation 3",
        )


@app.command("score")
def score(
    name: str = typer.Argument(..., metavar="ORG", help="Organization name or id."),
    motivation: int | None = typer.Option(None, "--motivation", help="Your interest, 0–3."),
    postings: int | None = typer.Option(
        None, "--postings", help="Openings in your field there, 1–3."
    ),
    notes: str | None = typer.Option(None, "--notes", help="Replace the notes."),
    career: bool = CAREER,
    as_json: bool = JSON,
) -> None:
    """Set the motivation and postings scores of a target."""
    from coffeechat.network.targets import score_target

    with session_scope() as (session, owner):
        target = score_target(
            session,
            owner=owner,
            ref=name,
            career=career,
            motivation=motivation,
            postings=postings,
            notes=notes,
        )
        if as_json:
            emit_json(target_json(target))
            return
        typer.echo(
            f"Scored {target.name}: motivation {target.motivation}, "
            f"postings {target.postings if target.postings else 'not scored'}."
        )


@app.command("remove")
def remove(
    name: str = typer.Argument(..., metavar="ORG", help="Organization name or id."),
    career: bool = CAREER,
) -> None:
    """Take a target off the list (the organization and its people stay)."""
    from coffeechat.network.targets import remove_target

    with session_scope() as (session, owner):
        removed = remove_target(session, owner=owner, ref=name, career=career)
    typer.echo(f"Removed {removed} from your targets.")
