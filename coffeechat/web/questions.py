"""Planned questions on the interview page: plan, reorder, star, mark, drop, add your own."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from coffeechat.errors import Invalid
from coffeechat.questions.service import (
    add_question,
    drop_question,
    mark_question,
    move_question,
    plan_questions,
    star_question,
)
from coffeechat.web.deps import Db, FormCsrf, redirect

router = APIRouter(include_in_schema=False)


def _back(interview_id: int) -> str:
    return f"/interviews/{interview_id}#questions"


async def _field(request: Request, name: str) -> str:
    value = (await request.form()).get(name)
    return value if isinstance(value, str) else ""


@router.post("/interviews/{interview_id}/questions/plan", dependencies=[FormCsrf])
def plan(work: Db, interview_id: int) -> RedirectResponse:
    rows = plan_questions(work.session, owner=work.owner, interview_id=interview_id)
    return redirect(_back(interview_id), f"Planned {len(rows)} questions.")


@router.post("/interviews/{interview_id}/questions", dependencies=[FormCsrf])
async def add(request: Request, work: Db, interview_id: int) -> RedirectResponse:
    try:
        added = add_question(
            work.session,
            owner=work.owner,
            interview_id=interview_id,
            text=await _field(request, "question"),
        )
    except Invalid as error:
        return redirect(_back(interview_id), f"Not added: the question {error.message}.")
    if not added.findings:
        return redirect(_back(interview_id), "Added your question. It reads well.")
    notes = " ".join(f"{f.message} {f.suggestion}" for f in added.findings)
    return redirect(_back(interview_id), f"Added your question. Worth a second look: {notes}")


@router.post("/interviews/{interview_id}/questions/order", dependencies=[FormCsrf])
async def reorder(request: Request, work: Db, interview_id: int) -> RedirectResponse:
    """Drag and drop sends the whole order; each question is moved into its place."""
    order = [int(part) for part in (await _field(request, "order")).split(",") if part.isdigit()]
    for position, question_id in enumerate(order, start=1):
        move_question(
            work.session,
            owner=work.owner,
            interview_id=interview_id,
            question_id=question_id,
            position=position,
        )
    return redirect(_back(interview_id), "New order saved.")


@router.post("/interviews/{interview_id}/questions/{question_id}", dependencies=[FormCsrf])
async def change(
    request: Request, work: Db, interview_id: int, question_id: int
) -> RedirectResponse:
    """One small change from the buttons beside a question: move, star, mark or drop."""
    action = await _field(request, "action")
    try:
        if action in ("up", "down", "to"):
            position = int(await _field(request, "position") or 0)
            move_question(
                work.session,
                position=position,
                owner=work.owner,
                interview_id=interview_id,
                question_id=question_id,
            )
            message = "Moved."
        elif action in ("star", "unstar"):
            star_question(
                work.session,
                starred=action == "star",
                owner=work.owner,
                interview_id=interview_id,
                question_id=question_id,
            )
            message = "Marked as a must-ask." if action == "star" else "No longer a must-ask."
        elif action in ("asked", "skipped", "planned"):
            mark_question(
                work.session,
                state=action,
                owner=work.owner,
                interview_id=interview_id,
                question_id=question_id,
            )
            message = f"Marked {action}."
        elif action == "drop":
            drop_question(
                work.session, owner=work.owner, interview_id=interview_id, question_id=question_id
            )
            message = "Question removed."
        else:
            raise Invalid("action", f"{action!r} is not something a question can do")
    except (Invalid, ValueError) as error:
        return redirect(_back(interview_id), f"Not changed: {error}")
    return redirect(_back(interview_id), message)
