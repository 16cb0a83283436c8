"""The calendar feed that calendar apps subscribe to, and rotating its secret address."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from coffeechat.config import Settings
from coffeechat.errors import NotFound
from coffeechat.meetings.agenda import build_agenda, rules_from
from coffeechat.meetings.calendar import DueEvent, calendar_bytes, scheduled_interviews
from coffeechat.meetings.feed import feed_token, owner_of_feed
from coffeechat.meetings.when import owner_zone
from coffeechat.models import User, utcnow
from coffeechat.web.deps import Db, FormCsrf, redirect

router = APIRouter(include_in_schema=False)


def feed_url(request: Request, token: str) -> str:
    return str(request.url_for("calendar_feed", token=token))


@router.get("/calendar/{token}.ics", name="calendar_feed")
def calendar_feed(request: Request, token: str, work: Db) -> Response:
    """Scheduled meetings and due reminders, for Google, Apple or Outlook calendars."""
    owner = owner_of_feed(work.session, token)
    if owner is None:
        raise NotFound("calendar", "(that address)")
    interviews = scheduled_interviews(work.session, owner=owner)
    body = calendar_bytes(
        work.session,
        owner=owner,
        interviews=interviews,
        extra_events=due_events(work, owner, request.app.state.settings),
    )
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


# Reminders that become all-day events: the actions, not the meetings themselves.
FEED_KINDS = {"thank_you", "follow_up", "update", "keep_in_touch", "log", "no_reply", "prepare"}
FEED_DAYS = 60


def due_events(work: Db, owner: User, settings: Settings) -> list[DueEvent]:
    """Each due action of the next two months as an all-day event on its due day."""
    now = utcnow()
    zone = owner_zone(work.session, owner)
    last_day = now.astimezone(zone).date() + timedelta(days=FEED_DAYS)
    items = build_agenda(
        work.session, owner=owner, day=last_day, now=now, rules=rules_from(settings), readiness=None
    )
    return [
        DueEvent(
            key=f"{item.kind}-{item.interview_id}",
            day=item.due.astimezone(zone).date(),
            summary=item.title,
            description="Open Coffeechat to act on it.",
        )
        for item in items
        if item.kind in FEED_KINDS
    ]
