"""Interview pages: the list, preparing and logging one interview, moving it along."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from coffeechat.errors import Invalid
from coffeechat.meetings.attire import advise, choose_attire
from coffeechat.meetings.attire_rules import LEVEL_LABELS, LEVELS
from coffeechat.meetings.board import BOARD_STAGES, interviews_page, next_moves
from coffeechat.meetings.pipeline import get_interview, move_interview
from coffeechat.meetings.schedule import schedule_interview
from coffeechat.meetings.when import describe_span, owner_zone, parse_when
from coffeechat.models import Fact, Interview, utcnow
from coffeechat.research.readiness import readiness
from coffeechat.research.service import list_facts
from coffeechat.vocab import Stage, Venue
from coffeechat.web.deps import Db, FormCsrf, redirect, render
from coffeechat.web.forms import Form, all_or_nothing
from coffeechat.web.meetings import drafts_for

PAGE = 50
SCHEDULABLE = {Stage.IDEA.value, Stage.REQUESTED.value, Stage.SCHEDULED.value}
LOGGABLE = SCHEDULABLE | {Stage.HELD.value, Stage.THANKED.value, Stage.CLOSED.value}

router = APIRouter(include_in_schema=False)


@router.get("/interviews", response_class=HTMLResponse)
def interviews(request: Request, work: Db, stage: str = "", page: int = 1) -> HTMLResponse:
    chosen = stage if stage in {s.value for s in BOARD_STAGES} else None
    page = max(page, 1)
    found = interviews_page(
        work.session, owner=work.owner, stage=chosen, limit=PAGE, offset=(page - 1) * PAGE
    )
    context = {
        "interviews": found.interviews,
        "has_more": found.has_more,
        "page": page,
        "stage": chosen,
        "stages": BOARD_STAGES,
    }
    return render(request, "interviews/list.html", context, work=work)


@router.get("/interviews/{interview_id}", response_class=HTMLResponse)
def interview_page(request: Request, work: Db, interview_id: int) -> HTMLResponse:
    interview = get_interview(work.session, owner=work.owner, interview_id=interview_id)
    return _page(request, work, interview)


def _schedule_values(interview: Interview, zone: ZoneInfo) -> dict[str, str]:
    when = interview.scheduled_at
    return {
        "at": when.astimezone(zone).strftime("%Y-%m-%dT%H:%M") if when else "",
        "minutes": str(interview.duration_minutes or 30),
        "venue": interview.venue or "",
        "place": interview.place or "",
        "link": interview.link or "",
    }


def interview_page_with(
    request: Request, work: Db, interview_id: int, log_form: Form
) -> HTMLResponse:
    interview = get_interview(work.session, owner=work.owner, interview_id=interview_id)
    return _page(request, work, interview, log_form=log_form)


def _research(work: Db, interview: Interview) -> list[Fact]:
    """What the research knows about the organization, for a glance while preparing."""
    if interview.organization_id is None:
        return []
    _org, facts = list_facts(
        work.session, owner=work.owner, organization=str(interview.organization_id)
    )
    return facts


def _page(
    request: Request,
    work: Db,
    interview: Interview,
    schedule_form: Form | None = None,
    log_form: Form | None = None,
) -> HTMLResponse:
    """The interview page; a refused form comes back filled in, with its problems."""
    zone = owner_zone(work.session, work.owner)
    form = schedule_form or Form(_schedule_values(interview, zone))
    log = log_form or Form({"notes": "", "takeaways": "", "referrals": ""})
    context = {
        "interview": interview,
        "moves": next_moves(interview.stage),
        "schedule": form,
        "can_schedule": interview.stage in SCHEDULABLE,
        "venues": [(v.value, v.value.capitalize()) for v in Venue],
        "attire": advise(work.session, owner=work.owner, interview_id=interview.id),
        "ready": readiness(work.session, owner=work.owner, interview_id=interview.id),
        "levels": [(level, LEVEL_LABELS[level].capitalize()) for level in LEVELS],
        "drafts": drafts_for(work.session, work.owner, interview),
        "research": _research(work, interview),
        "log": log,
        "can_log": interview.stage in LOGGABLE,
    }
    status = 200 if form.ok and log.ok else 422
    return render(request, "interviews/show.html", context, status, work=work)


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


SCHEDULE_FIELDS = ("at", "minutes", "venue", "place", "link", "force")


@router.post("/interviews/{interview_id}/schedule", dependencies=[FormCsrf])
async def schedule(request: Request, work: Db, interview_id: int) -> Response:
    interview = get_interview(work.session, owner=work.owner, interview_id=interview_id)
    form = Form.read(await request.form(), SCHEDULE_FIELDS)
    zone = owner_zone(work.session, work.owner)
    minutes = form.optional_int("minutes", "a number of minutes")
    done = None
    with all_or_nothing(work.session, form):
        done = schedule_interview(
            work.session,
            owner=work.owner,
            interview_id=interview.id,
            at=parse_when(form.values["at"], zone=zone, need_time=True),
            minutes=minutes,
            venue=form.values["venue"] or None,
            place=form.values["place"],
            link=form.values["link"],
            force=form.values["force"] == "yes",
            zone=zone,
        )
    if done is None or not form.ok:
        for name, message in form.errors.items():
            form.errors[name] = message.replace("add --force", "tick “It already happened”")
        return _page(request, work, interview, schedule_form=form)
    when = describe_span(
        done.interview.scheduled_at or utcnow(), done.interview.duration_minutes or 30, zone
    )
    notes = " ".join(done.warnings)
    return redirect(f"/interviews/{interview.id}", f"Scheduled for {when}. {notes}".strip())


@router.post("/interviews/{interview_id}/attire", dependencies=[FormCsrf])
async def attire(request: Request, work: Db, interview_id: int) -> RedirectResponse:
    level = (await request.form()).get("level")
    try:
        choose_attire(
            work.session,
            owner=work.owner,
            interview_id=interview_id,
            level=level if isinstance(level, str) else "",
        )
    except Invalid as error:
        return redirect(f"/interviews/{interview_id}", f"Not saved: {error.message}.")
    return redirect(f"/interviews/{interview_id}#attire", "Outfit chosen.")
