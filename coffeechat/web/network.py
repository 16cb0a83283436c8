"""The network page: a picture of who you know, where, and who introduced whom."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from coffeechat.network.picture import network_picture
from coffeechat.web.deps import Db, render

router = APIRouter(include_in_schema=False)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, work: Db) -> HTMLResponse:
    picture = network_picture(work.session, owner=work.owner)
    return render(request, "network/page.html", {"picture": picture}, work=work)
