"""``coffeechat me``: your own profile."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from coffeechat.cli._common import emit_json, session_scope, show_fields

if TYPE_CHECKING:
    from coffeechat.models import Profile


def profile_json(profile: Profile) -> dict[str, Any]:
    return {
        "name": profile.name,
        "email": profile.email,
        "schools": list(profile.schools),
        "employers": list(profile.employers),
        "fields": list(profile.fields),
        "country": profile.country,
        "timezone": profile.timezone,
    }


def me(
    name: str | None = typer.Option(None, "--name", help="Your name, for signatures."),
    email: str | None = typer.Option(None, "--email", help="Your email address."),
    school: list[str] | None = typer.Option(None, "--school", help="A school (repeatable)."),
    employer: list[str] | None = typer.Option(None, "--employer", help="An employer (repeatable)."),
    field: list[str] | None = typer.Option(
        None, "--field", help="A field you explore (repeatable)."
    ),
    country: str | None = typer.Option(None, "--country", help="Two-letter code for holidays."),
    timezone: str | None = typer.Option(None, "--timezone", help="e.g. America/Chicago."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md)."),
) -> None:
    """Show your profile, or set parts of it (list options replace the list)."""
    from coffeechat.network.profile import update_profile

    with session_scope() as (session, owner):
        profile = update_profile(
            session,
            owner=owner,
            name=name,
            email=email,
            schools=school,
            employers=employer,
            fields=field,
            country=country,
            timezone=timezone,
        )
        if as_json:
            emit_json(profile_json(profile))
            return
        show_fields(
            "Your profile",
            [
                ("Name", profile.name or '(not set: coffeechat me --name "Your Name")'),
                ("Email", profile.email),
                ("Schools", ", ".join(profile.schools)),
                ("Employers", ", ".join(profile.employers)),
                ("Fields", ", ".join(profile.fields)),
                ("Country", profile.country),
                ("Time zone", profile.timezone),
            ],
        )
