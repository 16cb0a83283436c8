"""The calendar feed that calendar apps subscribe to, and rotating its secret address."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from coffeechat.errors import NotFound
from coffeechat.meetings.calendar import calendar_bytes, scheduled_interviews
from coffeechat.meetings.feed import feed_token, owner_of_feed
from coffeechat.web.deps import Db, FormCsrf, redirect

router = APIRouter(include_in_schema=False)


def feed_url(request: Request, token: str) -> str:
    return str(request.url_for("calendar_feed", token=token))


@router.get("/calendar/{token}.ics", name="calendar_feed")
def calendar_feed(token: str, work: Db) -> Response:
    """Scheduled meetings and due reminders, for Google, Apple or Outlook calendars."""
    owner = owner_of_feed(work.session, token)
    if owner is None:
        raise NotFound("calendar", "(that address)")
    interviews = scheduled_interviews(work.session, owner=owner)
    body = calendar_bytes(work.session, owner=owner, interviews=interviews)
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={
            "Cache-Control": "no-store",
            "Content-Disposition": 'inline; filename="coffeechat.ics"',
        },
    )


@router.post("/calendar/token", dependencies=[FormCsrf])
def rotate(work: Db) -> RedirectResponse:
    feed_token(work.session, owner=work.owner, rotate=True)
    return redirect("/import#calendar", "New calendar address made; the old one no longer works.")
