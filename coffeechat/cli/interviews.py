"""``coffeechat interviews``: informational interviews and their stages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from coffeechat.cli._common import emit_json, iso, session_scope, show_fields, table
from coffeechat.vocab import Focus, Stage

if TYPE_CHECKING:
    from coffeechat.models import Interview

app = typer.Typer(no_args_is_help=True)

JSON = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md).")


def interview_json(interview: Interview) -> dict[str, Any]:
    person = interview.person
    organization = interview.organization
    career = interview.career
    return {
        "id": interview.id,
        "person": person and {"id": person.id, "name": person.full_name},
        "organization": organization and {"id": organization.id, "name": organization.name},
        "career": career and {"id": career.id, "code": career.onet_code, "title": career.title},
        "focus": interview.focus,
        "stage": interview.stage,
        "goal": interview.goal,
        "requested_at": iso(interview.requested_at),
        "replied_at": iso(interview.replied_at),
        "scheduled_at": iso(interview.scheduled_at),
        "duration_minutes": interview.duration_minutes,
        "held_at": iso(interview.held_at),
        "thanked_at": iso(interview.thanked_at),
        "closed_at": iso(interview.closed_at),
        "venue": interview.venue,
        "place": interview.place,
        "link": interview.link,
        "notes": interview.notes,
        "takeaways": list(interview.takeaways),
        "attire": interview.attire,
        "stage_changed_at": iso(interview.stage_changed_at),
        "created_at": iso(interview.created_at),
    }


def _with(interview: Interview) -> str:
    person = interview.person.full_name if interview.person else "(person removed)"
    org = interview.organization.name if interview.organization else ""
    return f"{person}, {org}" if org else person


@app.command("new")
def new(
    person_id: int = typer.Argument(..., metavar="PERSON_ID"),
    focus: Focus = typer.Option(Focus.COMPANY, "--focus", help="What the talk is about."),
    goal: str = typer.Option("", "--goal", help="What you hope to learn."),
    as_json: bool = JSON,
) -> None:
    """Start an interview idea with a person."""
    from coffeechat.meetings.pipeline import new_interview

    with session_scope() as (session, owner):
        interview = new_interview(session, owner=owner, person_id=person_id, focus=focus, goal=goal)
        if as_json:
            emit_json(interview_json(interview))
        else:
            typer.echo(f"Interview {interview.id} with {_with(interview)}: stage idea.")


@app.command("list")
def list_(
    stage: Stage | None = typer.Option(None, "--stage", help="Only interviews in this stage."),
    as_json: bool = JSON,
) -> None:
    """List interviews, the most recently moved first."""
    from coffeechat.meetings.pipeline import list_interviews

    with session_scope() as (session, owner):
        interviews = list_interviews(session, owner=owner, stage=stage)
        if as_json:
            emit_json([interview_json(i) for i in interviews])
            return
        table(
            ["ID", "With", "Stage", "Focus", "Goal"],
            [[str(i.id), _with(i), i.stage, i.focus, i.goal] for i in interviews],
            empty="No interviews yet. Start one: coffeechat interviews new PERSON_ID",
        )


@app.command("show")
def show(interview_id: int = typer.Argument(..., metavar="ID"), as_json: bool = JSON) -> None:
    """Show one interview."""
    from coffeechat.meetings.pipeline import get_interview

    with session_scope() as (session, owner):
        interview = get_interview(session, owner=owner, interview_id=interview_id)
        if as_json:
            emit_json(interview_json(interview))
            return
        show_fields(
            f"Interview {interview.id} with {_with(interview)}",
            [
                ("Stage", interview.stage),
                ("Focus", interview.focus),
                ("Goal", interview.goal),
                ("Requested", iso(interview.requested_at)),
                ("Scheduled", iso(interview.scheduled_at)),
                ("Held", iso(interview.held_at)),
                ("Thanked", iso(interview.thanked_at)),
                (
                    "Venue",
                    " · ".join(v for v in (interview.venue, interview.place, interview.link) if v),
                ),
                ("Takeaways", "; ".join(interview.takeaways)),
                ("Notes", interview.notes),
            ],
        )


@app.command("move")
def move(
    interview_id: int = typer.Argument(..., metavar="ID"),
    stage: Stage = typer.Argument(..., metavar="STAGE", help="The new stage."),
) -> None:
    """Move an interview to another stage of the pipeline."""
    from coffeechat.meetings.pipeline import move_interview

    with session_scope() as (session, owner):
        interview = move_interview(session, owner=owner, interview_id=interview_id, stage=stage)
        typer.echo(f"Interview {interview.id} with {_with(interview)}: stage {interview.stage}.")
