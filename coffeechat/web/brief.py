"""The printable one-page brief of an interview."""

from __future__ import annotations

import re

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

from coffeechat.brief.render import build_brief, render_html, render_markdown
from coffeechat.web.deps import Db
from coffeechat.web.security import policy_with_style

router = APIRouter(include_in_schema=False)
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


@router.get("/interviews/{interview_id}/brief", response_class=HTMLResponse)
def brief(work: Db, interview_id: int) -> HTMLResponse:
    """The brief as its own page, ready to print; its one stylesheet is allowed by hash."""
    html = render_html(build_brief(work.session, owner=work.owner, interview_id=interview_id))
    style = _STYLE.search(html)
    headers = {"Content-Security-Policy": policy_with_style(style.group(1) if style else "")}
    return HTMLResponse(html, headers=headers)


@router.get("/interviews/{interview_id}/brief.md")
def brief_markdown(work: Db, interview_id: int) -> Response:
    text = render_markdown(build_brief(work.session, owner=work.owner, interview_id=interview_id))
    return Response(
        text,
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="brief-{interview_id}.md"'},
    )
