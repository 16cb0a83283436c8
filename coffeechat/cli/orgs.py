"""``coffeechat orgs``: organizations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from coffeechat.cli._common import emit_json, iso, session_scope, show_fields, table

if TYPE_CHECKING:
    from coffeechat.models import Organization

app = typer.Typer(no_args_is_help=True)

JSON = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md).")


def organization_json(organization: Organization, people: int | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": organization.id,
        "name": organization.name,
        "website": organization.website,
        "domain": organization.domain,
        "industry": organization.industry,
        "location": organization.location,
        "created_at": iso(organization.created_at),
    }
    if people is not None:
        data["people"] = people
    return data


@app.command("add")
def add(
    name: str = typer.Argument(..., help="Organization name."),
    website: str | None = typer.Option(None, "--website", help="Home page URL."),
    industry: str | None = typer.Option(None, "--industry", help="Industry, e.g. finance."),
    location: str | None = typer.Option(None, "--location", help="Main location."),
    as_json: bool = JSON,
) -> None:
    """Add an organization."""
    from coffeechat.network.organizations import add_organization

    with session_scope() as (session, owner):
        organization = add_organization(
            session, owner=owner, name=name, website=website, industry=industry, location=location
        )
        if as_json:
            emit_json(organization_json(organization))
        else:
            typer.echo(f"Added {organization.name} as organization {organization.id}.")


@app.command("list")
def list_(as_json: bool = JSON) -> None:
    """List organizations with how many of your people work there."""
    from coffeechat.network.organizations import list_organizations

    with session_scope() as (session, owner):
        summaries = list_organizations(session, owner=owner)
        if as_json:
            emit_json([organization_json(s.organization, s.people) for s in summaries])
            return
        table(
            ["ID", "Name", "Industry", "People"],
            [
                [
                    str(s.organization.id),
                    s.organization.name,
                    s.organization.industry or "",
                    str(s.people),
                ]
                for s in summaries
            ],
            empty="No organizations yet. Add one: coffeechat orgs add Acme --website acme.example",
        )


@app.command("show")
def show(organization_id: int = typer.Argument(..., metavar="ID"), as_json: bool = JSON) -> None:
    """Show an organization and the people you know there."""
    from coffeechat.network.organizations import get_organization
    from coffeechat.network.people import list_people

    with session_scope() as (session, owner):
        organization = get_organization(session, owner=owner, organization_id=organization_id)
        people = list_people(session, owner=owner, org=organization.name)
        if as_json:
            emit_json(
                organization_json(organization, len(people))
                | {
                    "people_list": [
                        {"id": p.id, "name": p.full_name, "title": p.title} for p in people
                    ]
                }
            )
            return
        show_fields(
            f"{organization.name} (organization {organization.id})",
            [
                ("Website", organization.website),
                ("Industry", organization.industry),
                ("Location", organization.location),
                ("People", ", ".join(f"{p.full_name} ({p.id})" for p in people) or "nobody yet"),
            ],
        )
