"""Import and export: uploads of contacts, downloads of data, the calendar subscription."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from coffeechat.meetings.feed import feed_token
from coffeechat.web.calendar import feed_url
from coffeechat.web.deps import Db, render

router = APIRouter(include_in_schema=False)


@router.get("/import", response_class=HTMLResponse)
def import_page(request: Request, work: Db) -> HTMLResponse:
    token = feed_token(work.session, owner=work.owner)
    context = {"feed": feed_url(request, token)}
    return render(request, "imports/page.html", context, work=work)
