"""Interview pages: the list, preparing and logging one interview, moving it along."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from coffeechat.errors import Invalid
from coffeechat.meetings.board import BOARD_STAGES, next_moves
from coffeechat.meetings.pipeline import get_interview, list_interviews, move_interview
from coffeechat.web.deps import Db, FormCsrf, redirect, render

router = APIRouter(include_in_schema=False)


@router.get("/interviews", response_class=HTMLResponse)
def interviews(request: Request, work: Db, stage: str = "") -> HTMLResponse:
    chosen = stage if stage in {s.value for s in BOARD_STAGES} else None
    rows = list_interviews(work.session, owner=work.owner, stage=chosen)
    context = {"interviews": rows, "stage": chosen, "stages": BOARD_STAGES}
    return render(request, "interviews/list.html", context, work=work)


@router.get("/interviews/{interview_id}", response_class=HTMLResponse)
def interview_page(request: Request, work: Db, interview_id: int) -> HTMLResponse:
    interview = get_interview(work.session, owner=work.owner, interview_id=interview_id)
    context = {"interview": interview, "moves": next_moves(interview.stage)}
    return render(request, "interviews/show.html", context, work=work)


def _back(next_url: str | None, fallback: str) -> str:
    # Only our own pages: never bounce the user to another site.
    return next_url if next_url and next_url.startswith("/") and "//" not in next_url else fallback


@router.post("/interviews/{interview_id}/stage", dependencies=[FormCsrf])
async def move(request: Request, work: Db, interview_id: int) -> RedirectResponse:
    form = await request.form()
    stage, next_url = form.get("stage"), form.get("next")
    back = _back(next_url if isinstance(next_url, str) else None, f"/interviews/{interview_id}")
    try:
        interview = move_interview(
            work.session,
            owner=work.owner,
            interview_id=interview_id,
            stage=stage if isinstance(stage, str) else "",
        )
    except Invalid as error:
        return redirect(back, f"Not moved: {error.message}.")
    who = interview.person.full_name if interview.person else f"Interview {interview.id}"
    return redirect(back, f"{who}: moved to {interview.stage.replace('_', ' ')}.")
