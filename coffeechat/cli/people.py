"""``coffeechat people``: add, list, show, edit and remove people."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from coffeechat.cli._common import emit_json, iso, session_scope, show_fields, table
from coffeechat.vocab import HowMet

if TYPE_CHECKING:
    from coffeechat.models import Person

app = typer.Typer(no_args_is_help=True)

JSON = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md).")


def person_json(person: Person) -> dict[str, Any]:
    organization = person.organization
    referrer = person.referred_by
    return {
        "id": person.id,
        "name": person.full_name,
        "title": person.title,
        "organization": organization and {"id": organization.id, "name": organization.name},
        "emails": person.emails,
        "phones": person.phones,
        "urls": person.urls,
        "how_met": person.how_met,
        "referred_by": referrer and {"id": referrer.id, "name": referrer.full_name},
        "tags": person.tag_names,
        "location": person.location,
        "notes": person.notes,
        "connected_on": iso(person.connected_on),
        "created_at": iso(person.created_at),
        "updated_at": iso(person.updated_at),
    }


def _role(person: Person) -> str:
    org = person.organization.name if person.organization else None
    return " at ".join(part for part in (person.title, org) if part)


@app.command("add")
def add(
    name: str = typer.Argument(..., help="Full name."),
    org: str | None = typer.Option(None, "--org", help="Organization (reused in any case)."),
    title: str | None = typer.Option(None, "--title", help="Job title."),
    email: list[str] = typer.Option([], "--email", help="Email address (repeatable)."),
    phone: list[str] = typer.Option([], "--phone", help="Phone number (repeatable)."),
    url: list[str] = typer.Option([], "--url", help="Profile URL (repeatable)."),
    how_met: HowMet | None = typer.Option(None, "--how-met", help="How you know them."),
    referred_by: int | None = typer.Option(None, "--referred-by", help="ID of who referred you."),
    tag: list[str] = typer.Option([], "--tag", help="Tag (repeatable)."),
    location: str | None = typer.Option(None, "--location", help="City or region."),
    as_json: bool = JSON,
) -> None:
    """Add a person to your network."""
    from coffeechat.network.people import ContactChanges, add_person

    with session_scope() as (session, owner):
        person = add_person(
            session,
            owner=owner,
            name=name,
            org=org,
            title=title,
            contacts=ContactChanges(emails=email, phones=phone, urls=url),
            how_met=how_met,
            referred_by=referred_by,
            tags=tag,
            location=location,
        )
        if as_json:
            emit_json(person_json(person))
        else:
            role = _role(person)
            typer.echo(
                f"Added {person.full_name}{f' ({role})' if role else ''} as person {person.id}."
            )


@app.command("list")
def list_(
    org: str | None = typer.Option(None, "--org", help="Only people at this organization."),
    tag: str | None = typer.Option(None, "--tag", help="Only people with this tag."),
    how_met: HowMet | None = typer.Option(None, "--how-met", help="Only people met this way."),
    as_json: bool = JSON,
) -> None:
    """List people, by name."""
    from coffeechat.network.people import list_people

    with session_scope() as (session, owner):
        people = list_people(session, owner=owner, org=org, tag=tag, how_met=how_met)
        if as_json:
            emit_json([person_json(p) for p in people])
            return
        table(
            ["ID", "Name", "Role", "How met", "Tags"],
            [[str(p.id), p.full_name, _role(p), p.how_met, ", ".join(p.tag_names)] for p in people],
            empty='No people yet. Add one: coffeechat people add "Ada Lovelace" --org Acme',
        )


@app.command("show")
def show(person_id: int = typer.Argument(..., metavar="ID"), as_json: bool = JSON) -> None:
    """Show one person, their interviews and whom they referred."""
    from coffeechat.meetings.pipeline import list_interviews
    from coffeechat.network.people import get_person, referrals_of

    with session_scope() as (session, owner):
        person = get_person(session, owner=owner, person_id=person_id)
        interviews = list_interviews(session, owner=owner, person_id=person.id)
        referred = referrals_of(session, owner=owner, person_id=person.id)
        if as_json:
            emit_json(
                person_json(person)
                | {
                    "interviews": [{"id": i.id, "stage": i.stage} for i in interviews],
                    "referred": [{"id": p.id, "name": p.full_name} for p in referred],
                }
            )
            return
        referrer = person.referred_by
        show_fields(
            f"{person.full_name} (person {person.id})",
            [
                ("Role", _role(person)),
                ("Emails", ", ".join(person.emails)),
                ("Phones", ", ".join(person.phones)),
                ("Links", ", ".join(person.urls)),
                ("How met", person.how_met),
                ("Referred by", f"{referrer.full_name} ({referrer.id})" if referrer else None),
                ("Referred you to", ", ".join(f"{p.full_name} ({p.id})" for p in referred)),
                ("Tags", ", ".join(person.tag_names)),
                ("Location", person.location),
                ("Interviews", ", ".join(f"{i.id} ({i.stage})" for i in interviews)),
                ("Notes", person.notes),
            ],
        )


@app.command("edit")
def edit(
    person_id: int = typer.Argument(..., metavar="ID"),
    name: str | None = typer.Option(None, "--name", help="New full name."),
    org: str | None = typer.Option(None, "--org", help='Organization ("" to clear).'),
    title: str | None = typer.Option(None, "--title", help='Job title ("" to clear).'),
    email: list[str] | None = typer.Option(None, "--email", help="Replace the emails."),
    phone: list[str] | None = typer.Option(None, "--phone", help="Replace the phones."),
    url: list[str] | None = typer.Option(None, "--url", help="Replace the profile URLs."),
    how_met: HowMet | None = typer.Option(None, "--how-met", help="How you know them."),
    referred_by: int | None = typer.Option(None, "--referred-by", help="ID of who referred you."),
    no_referrer: bool = typer.Option(False, "--no-referrer", help="Forget who referred you."),
    tag: list[str] | None = typer.Option(None, "--tag", help="Replace the tags."),
    location: str | None = typer.Option(None, "--location", help="City or region."),
    notes: str | None = typer.Option(None, "--notes", help="Replace the notes."),
    as_json: bool = JSON,
) -> None:
    """Change a person; list options replace the whole list."""
    from coffeechat.network.people import ContactChanges, edit_person

    changes: dict[str, Any] = {}
    if no_referrer:
        changes["referred_by"] = None
    elif referred_by is not None:
        changes["referred_by"] = referred_by
    with session_scope() as (session, owner):
        person = edit_person(
            session,
            owner=owner,
            person_id=person_id,
            name=name,
            org=org,
            title=title,
            contacts=ContactChanges(emails=email, phones=phone, urls=url),
            how_met=how_met,
            tags=tag,
            location=location,
            notes=notes,
            **changes,
        )
        if as_json:
            emit_json(person_json(person))
        else:
            typer.echo(f"Updated {person.full_name} (person {person.id}).")


@app.command("remove")
def remove(
    person_id: int = typer.Argument(..., metavar="ID"),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
) -> None:
    """Remove a person; their interviews are kept."""
    from coffeechat.network.people import get_person, remove_person

    with session_scope() as (session, owner):
        person = get_person(session, owner=owner, person_id=person_id)
        name = person.full_name
        if not yes:
            typer.confirm(f"Remove {name} (person {person_id})?", abort=True)
        remove_person(session, owner=owner, person_id=person_id)
    typer.echo(f"Removed {name}.")
