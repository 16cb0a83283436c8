"""``coffeechat stats``: how your networking is going."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from coffeechat.cli._common import emit_json, session_scope

if TYPE_CHECKING:
    from coffeechat.network.stats import Stats


def stats_json(figures: Stats) -> dict[str, Any]:
    thanks = figures.thank_yous
    return {
        "requests_sent": figures.requests_sent,
        "replies": figures.replies,
        "reply_rate": figures.reply_rate,
        "meetings_held": figures.meetings_held,
        "thank_yous": {
            "within_hours": thanks.within_hours,
            "due": thanks.due,
            "on_time": thanks.on_time,
            "late": thanks.late,
            "missing": thanks.missing,
            "pending": thanks.pending,
            "on_time_rate": thanks.on_time_rate,
        },
        "referrals_gained": figures.referrals_gained,
        "referrals_per_meeting": figures.referrals_per_meeting,
        "new_contacts_per_month": [
            {"month": m.month, "count": m.count} for m in figures.new_contacts_per_month
        ],
        "organizations_with_conversation": list(figures.organizations_with_conversation),
    }


def _percent(rate: float | None) -> str:
    return "" if rate is None else f" ({rate:.0%})"


def _print(figures: Stats) -> None:
    thanks = figures.thank_yous
    per_meeting = figures.referrals_per_meeting
    organizations = figures.organizations_with_conversation
    rows = [
        ("Requests sent", str(figures.requests_sent)),
        ("Replies", f"{figures.replies}{_percent(figures.reply_rate)}"),
        ("Meetings held", str(figures.meetings_held)),
        (
            "Thank-yous on time",
            f"{thanks.on_time} of {thanks.due}{_percent(thanks.on_time_rate)}, within "
            f"{thanks.within_hours} h; {thanks.late} late, {thanks.missing} missing",
        ),
        (
            "Referrals gained",
            f"{figures.referrals_gained}"
            + ("" if per_meeting is None else f" ({per_meeting:g} per meeting)"),
        ),
        (
            "Organizations talked to",
            f"{len(organizations)}" + (f": {', '.join(organizations)}" if organizations else ""),
        ),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        typer.echo(f"{label.ljust(width)}  {value}")
    typer.echo("New contacts per month:")
    most = max((m.count for m in figures.new_contacts_per_month), default=0)
    for month in figures.new_contacts_per_month:
        bar = "#" * (round(20 * month.count / most) if most else 0)
        typer.echo(f"  {month.month}  {month.count:>3}  {bar}".rstrip())


def stats(
    as_json: bool = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md)."),
) -> None:
    """Requests, replies, meetings, thank-yous, referrals and new contacts."""
    from coffeechat.config import get_settings
    from coffeechat.network.stats import progress

    hours = get_settings().thank_you_due_hours
    with session_scope() as (session, owner):
        figures = progress(session, owner=owner, thank_you_due_hours=hours)
    if as_json:
        emit_json(stats_json(figures))
    else:
        _print(figures)
