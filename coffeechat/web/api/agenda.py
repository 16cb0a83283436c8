"""/api/v1/agenda"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request

from coffeechat.meetings.agenda import build_agenda, rules_from
from coffeechat.models import utcnow
from coffeechat.web.api.schemas import AgendaItemOut
from coffeechat.web.deps import Db

router = APIRouter(tags=["agenda"])


@router.get("/agenda", response_model=list[AgendaItemOut])
def agenda(request: Request, work: Db, day: date | None = None) -> list[AgendaItemOut]:
    """What is due or overdue on ``day`` (your today by default), most urgent first."""
    items = build_agenda(
        work.session,
        owner=work.owner,
        day=day,
        now=utcnow(),
        rules=rules_from(request.app.state.settings),
    )
    return [
        AgendaItemOut(
            kind=i.kind,
            due=i.due,
            overdue=i.overdue,
            interview_id=i.interview_id,
            person_id=i.person_id,
            person_name=i.person_name,
            title=i.title,
            readiness=i.readiness,
        )
        for i in items
    ]
