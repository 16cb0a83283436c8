"""Today: what is due, the meetings coming up, and the pipeline board."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from coffeechat.demo import build_demo
from coffeechat.meetings.agenda import (
    AgendaItem,
    build_agenda,
    research_readiness,
    rules_from,
)
from coffeechat.meetings.board import board, upcoming
from coffeechat.models import Person, User, utcnow
from coffeechat.scoping import scope
from coffeechat.web.deps import Db, FormCsrf, redirect, render

router = APIRouter(include_in_schema=False)


def _has_people(work: Db) -> bool:
    statement = scope(select(Person.id).limit(1), Person, work.owner)
    return work.session.scalar(statement) is not None


@router.get("/", response_class=HTMLResponse)
def today(request: Request, work: Db) -> HTMLResponse:
    if not _has_people(work):
        return render(request, "today/welcome.html", work=work)
    coming = upcoming(work.session, owner=work.owner)
    settings = request.app.state.settings
    # Readiness costs queries per meeting: score only the few soonest meetings (the ones
    # listed as coming up), once each, so the page's cost stays fixed however busy the week.
    scores = research_readiness(work.session, work.owner, [i.id for i in coming])

    def scored(session: Session, owner: User, ids: Sequence[int]) -> dict[int, int]:
        return {i: scores[i] for i in ids if i in scores}

    upcoming_scores = scores
    agenda = build_agenda(
        work.session, owner=work.owner, now=utcnow(), rules=rules_from(settings), readiness=scored
    )
    context = {
        "agenda": [(item, agenda_link(item)) for item in agenda],
        "columns": board(work.session, owner=work.owner),
        "upcoming": coming,
        "readiness": upcoming_scores,
    }
    return render(request, "today/today.html", context, work=work)


@router.post("/demo", dependencies=[FormCsrf])
def load_demo(work: Db) -> RedirectResponse:
    """Fill an empty database with the sample network, to look around."""
    if _has_people(work):
        return redirect("/", "The sample network goes only into an empty database.")
    summary = build_demo(work.session, owner=work.owner)
    return redirect(
        "/",
        f"Loaded a sample network: {summary.people} people and {summary.interviews} interviews.",
    )


# Where each kind of agenda item is acted on.
_ANCHORS = {
    "thank_you": "#messages",
    "follow_up": "#messages",
    "update": "#messages",
    "keep_in_touch": "#messages",
    "log": "#log",
    "prepare": "#ready",
    "no_reply": "#messages",
    "next_contact": "",
}


def agenda_link(item: AgendaItem) -> str:
    return f"/interviews/{item.interview_id}{_ANCHORS.get(item.kind, '')}"
