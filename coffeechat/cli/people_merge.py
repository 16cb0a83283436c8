"""``coffeechat people duplicates`` and ``people merge``: one person, one record."""

from __future__ import annotations

import typer

from coffeechat.cli._common import emit_json, session_scope, table

JSON = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md).")


def duplicates(
    threshold: int | None = typer.Option(
        None, "--threshold", min=0, max=100, help="Similarity 0–100 (default: the setting)."
    ),
    as_json: bool = JSON,
) -> None:
    """List people who are probably the same person, most likely first."""
    from coffeechat.config import get_settings
    from coffeechat.models import Person
    from coffeechat.network.dedupe import find_duplicates
    from coffeechat.scoping import get_owned

    limit = get_settings().dedupe_threshold if threshold is None else threshold
    with session_scope() as (session, owner):
        pairs = find_duplicates(session, owner=owner, threshold=limit)

        def brief(person_id: int) -> dict[str, object]:
            person = get_owned(session, Person, person_id, owner, "person")
            org = person.organization
            return {"id": person.id, "name": person.full_name, "organization": org and org.name}

        found = [
            {
                "score": d.score,
                "reason": d.reason,
                "first": brief(d.first),
                "second": brief(d.second),
            }
            for d in pairs
        ]
    if as_json:
        emit_json(found)
        return

    def label(p: dict[str, object]) -> str:
        return f"{p['name']} ({p['id']})" + (f", {p['organization']}" if p["organization"] else "")

    table(
        ["Score", "Person", "Looks like", "Why"],
        [[str(f["score"]), label(f["first"]), label(f["second"]), str(f["reason"])] for f in found],  # type: ignore[arg-type]
        empty="No likely duplicates.",
    )
    if found:
        typer.echo("Merge a pair with: coffeechat people merge KEEP_ID OTHER_ID")


def merge(
    keep: int = typer.Argument(..., metavar="KEEP_ID", help="The person to keep."),
    other: int = typer.Argument(..., metavar="OTHER_ID", help="The person folded into KEEP_ID."),
    as_json: bool = JSON,
) -> None:
    """Merge OTHER_ID into KEEP_ID: interviews, notes, referrals, contacts and tags move over."""
    from coffeechat.cli.people import person_json
    from coffeechat.network.merge import merge_people

    with session_scope() as (session, owner):
        person = merge_people(session, owner=owner, keep_id=keep, other_id=other)
        if as_json:
            emit_json(person_json(person))
        else:
            typer.echo(f"Merged person {other} into {person.full_name} (person {person.id}).")
