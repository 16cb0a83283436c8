"""Careers: search occupations and read a career dossier."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from coffeechat.web.deps import Db, render

router = APIRouter(include_in_schema=False)


@router.get("/careers", response_class=HTMLResponse)
def careers(request: Request, work: Db) -> HTMLResponse:
    return render(request, "careers/search.html", {}, work=work)
