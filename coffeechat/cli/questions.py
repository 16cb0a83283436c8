"""``coffeechat questions``: plan, edit and lint the questions for an interview."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from coffeechat.cli._common import console, emit_json, session_scope

if TYPE_CHECKING:
    from coffeechat.models import PlannedQuestion
    from coffeechat.questions.linter import Finding

app = typer.Typer(no_args_is_help=True)

JSON = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md).")
INTERVIEW = typer.Argument(..., metavar="INTERVIEW_ID")
QUESTION = typer.Argument(..., metavar="QID", help="The question's id, as `questions list` shows.")


def plan_json(interview_id: int, questions: list[PlannedQuestion]) -> dict[str, Any]:
    return {
        "interview": interview_id,
        "questions": [
            {
                "id": q.id,
                "position": q.position,
                "bank_id": q.bank_id,
                "text": q.text,
                "category": q.category,
                "stage": q.stage,
                "why": q.why,
                "starred": q.starred,
                "state": q.state,
            }
            for q in questions
        ],
    }


def finding_json(finding: Finding) -> dict[str, str]:
    return {
        "code": finding.code,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "evidence": finding.evidence,
    }


def _show_plan(interview_id: int, questions: list[PlannedQuestion]) -> None:
    from rich.markup import escape

    out = console()
    if not questions:
        out.print(f"[dim]No questions planned yet: coffeechat questions plan {interview_id}[/dim]")
        return
    out.print(f"[bold]Questions for interview {interview_id}[/bold] ({len(questions)})")
    for q in questions:
        star = " [yellow]*[/yellow]" if q.starred else ""
        state = "" if q.state == "planned" else f" [dim]({q.state})[/dim]"
        out.print(f"{q.position:>2}. {escape(q.text)}{star}{state}")
        label = q.category.replace("_", " ")
        out.print(f"    [dim]#{q.id} {label}, {q.stage}: {escape(q.why)}[/dim]")


def _show_findings(findings: list[Finding]) -> None:
    from rich.markup import escape

    out = console()
    if not findings:
        out.print("[green]Good question: no findings.[/green]")
        return
    for f in findings:
        out.print(f"[bold]{f.code}[/bold]: {escape(f.message)}")
        out.print(f"  [dim]Try:[/dim] {escape(f.suggestion)}")
        if f.evidence:
            out.print(f"  [dim]Evidence:[/dim] {escape(f.evidence)}")


@app.command("plan")
def plan(
    interview_id: int = INTERVIEW,
    count: int | None = typer.Option(None, "--count", help="How many questions (3 to 20)."),
    minutes: int | None = typer.Option(
        None, "--minutes", help="Meeting length; about one question every four minutes."
    ),
    as_json: bool = JSON,
) -> None:
    """Choose questions for an interview and save them (starred and your own stay)."""
    from coffeechat.questions.service import plan_questions

    with session_scope() as (session, owner):
        questions = plan_questions(
            session, owner=owner, interview_id=interview_id, count=count, minutes=minutes
        )
        if as_json:
            emit_json(plan_json(interview_id, questions))
        else:
            _show_plan(interview_id, questions)


@app.command("list")
def list_(interview_id: int = INTERVIEW, as_json: bool = JSON) -> None:
    """Show the saved questions of an interview, in order."""
    from coffeechat.questions.service import questions_of

    with session_scope() as (session, owner):
        questions = questions_of(session, owner=owner, interview_id=interview_id)
        if as_json:
            emit_json(plan_json(interview_id, questions))
        else:
            _show_plan(interview_id, questions)


@app.command("move")
def move(
    interview_id: int = INTERVIEW,
    question_id: int = QUESTION,
    position: int = typer.Argument(..., metavar="POSITION", help="1 is the first question."),
) -> None:
    """Move a question to another place in the plan."""
    from coffeechat.questions.service import move_question

    with session_scope() as (session, owner):
        move_question(
            session,
            owner=owner,
            interview_id=interview_id,
            question_id=question_id,
            position=position,
        )
        typer.echo(f"Question {question_id} is now number {position}.")


@app.command("drop")
def drop(interview_id: int = INTERVIEW, question_id: int = QUESTION) -> None:
    """Take a question off the plan."""
    from coffeechat.questions.service import drop_question

    with session_scope() as (session, owner):
        drop_question(session, owner=owner, interview_id=interview_id, question_id=question_id)
        typer.echo(f"Question {question_id} dropped.")


@app.command("star")
def star(
    interview_id: int = INTERVIEW,
    question_id: int = QUESTION,
    off: bool = typer.Option(False, "--off", help="Remove the star."),
) -> None:
    """Star a must-ask question; re-planning keeps it."""
    from coffeechat.questions.service import star_question

    with session_scope() as (session, owner):
        star_question(
            session,
            owner=owner,
            interview_id=interview_id,
            question_id=question_id,
            starred=not off,
        )
        typer.echo(f"Question {question_id} {'unstarred' if off else 'starred'}.")


@app.command("mark")
def mark(
    interview_id: int = INTERVIEW,
    question_id: int = QUESTION,
    state: str = typer.Argument(..., metavar="STATE", help="asked, skipped or planned"),
) -> None:
    """Record whether a question was asked; asked ones are not planned for this person again."""
    from coffeechat.questions.service import mark_question

    with session_scope() as (session, owner):
        mark_question(
            session, owner=owner, interview_id=interview_id, question_id=question_id, state=state
        )
        typer.echo(f"Question {question_id} marked {state}.")


@app.command("add")
def add(
    interview_id: int = INTERVIEW,
    text: str = typer.Argument(..., metavar="TEXT"),
    position: int | None = typer.Option(None, "--position", help="Where to put it (1 is first)."),
    as_json: bool = JSON,
) -> None:
    """Add your own question; the linter reviews it (it is saved either way)."""
    from coffeechat.questions.service import add_question

    with session_scope() as (session, owner):
        added = add_question(
            session, owner=owner, interview_id=interview_id, text=text, position=position
        )
        if as_json:
            data = plan_json(interview_id, [added.question])["questions"][0]
            emit_json({**data, "findings": [finding_json(f) for f in added.findings]})
            return
        typer.echo(f"Added question {added.question.id} at number {added.question.position}.")
        _show_findings(added.findings)


@app.command("lint")
def lint(
    text: str = typer.Argument(..., metavar="TEXT"),
    org: str | None = typer.Option(
        None, "--org", help="Check against this organization's research."
    ),
    interview_id: int | None = typer.Option(
        None, "--interview", help="Check against this interview's research."
    ),
    as_json: bool = JSON,
) -> None:
    """Review a question: is it open, polite, and not already answered by your research?"""
    from coffeechat.questions.service import lint_question

    with session_scope() as (session, owner):
        findings = lint_question(
            session, owner=owner, text=text, organization=org, interview_id=interview_id
        )
    if as_json:
        emit_json([finding_json(f) for f in findings])
    else:
        _show_findings(findings)
