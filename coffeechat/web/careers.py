"""Careers: search O*NET occupations, read a career dossier, link one to an interview."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from coffeechat.careers.dossier import career_dossier
from coffeechat.careers.search import onet_loaded, search_careers
from coffeechat.careers.service import link_career, list_careers
from coffeechat.errors import CoffeechatError
from coffeechat.meetings.pipeline import get_interview
from coffeechat.web.deps import Db, FormCsrf, redirect, render

router = APIRouter(include_in_schema=False)


@router.get("/careers", response_class=HTMLResponse)
def careers(request: Request, work: Db, q: str = "", interview: str = "") -> HTMLResponse:
    """Search occupations; from an interview page, each result can be linked to it."""
    loaded = onet_loaded(work.session)
    hits = search_careers(work.session, q, limit=20) if loaded and q.strip() else []
    linking = None
    if interview.isdigit():
        linking = get_interview(work.session, owner=work.owner, interview_id=int(interview))
    context = {
        "loaded": loaded,
        "q": q,
        "hits": hits,
        "linking": linking,
        "mine": list_careers(work.session, owner=work.owner),
    }
    return render(request, "careers/search.html", context, work=work)


@router.get("/careers/{code}", response_class=HTMLResponse)
def dossier(request: Request, work: Db, code: str) -> HTMLResponse:
    found = career_dossier(work.session, code=code)
    return render(request, "careers/dossier.html", {"dossier": found}, work=work)


@router.post("/interviews/{interview_id}/career", dependencies=[FormCsrf])
async def link(request: Request, work: Db, interview_id: int) -> RedirectResponse:
    code = (await request.form()).get("code")
    try:
        interview = link_career(
            work.session,
            owner=work.owner,
            interview_id=interview_id,
            code=code if isinstance(code, str) else "",
        )
    except CoffeechatError as error:
        return redirect(f"/interviews/{interview_id}", f"Not linked: {error}")
    title = interview.career.title if interview.career else "the career"
    return redirect(f"/interviews/{interview_id}", f"Linked {title} to this interview.")
