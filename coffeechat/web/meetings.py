"""The interview's notes to send (drafts with mailto and copy) and the meeting log."""

from __future__ import annotations

from contextlib import suppress

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from coffeechat.errors import CoffeechatError
from coffeechat.meetings.aftermath import log_meeting
from coffeechat.meetings.drafts import Draft
from coffeechat.meetings.outreach import (
    draft_follow_up,
    draft_outreach,
    record_replied,
    record_sent,
)
from coffeechat.meetings.thanks import NoteKind, draft_note, record_note_sent
from coffeechat.models import Interview, User
from coffeechat.vocab import Stage
from coffeechat.web.deps import Db, FormCsrf, redirect
from coffeechat.web.forms import Form, all_or_nothing

router = APIRouter(include_in_schema=False)

LOG_FIELDS = ("notes", "takeaways", "referrals")
# What to write at each stage, as (form value, how the draft is made).
_NOTES = {
    "thank-you": NoteKind.THANK_YOU,
    "update": NoteKind.UPDATE,
    "keep-in-touch": NoteKind.KEEP_IN_TOUCH,
}


def drafts_for(session: Session, owner: User, interview: Interview) -> list[tuple[str, Draft]]:
    """The notes worth writing now, each with the value its "I sent it" button posts."""
    if interview.person is None:
        return []
    wanted: list[str] = []
    stage = interview.stage
    if stage == Stage.IDEA.value:
        wanted = ["outreach"]
    elif stage == Stage.REQUESTED.value:
        wanted = ["follow-up"]
    elif stage == Stage.HELD.value:
        wanted = ["thank-you"]
    elif stage in (Stage.THANKED.value, Stage.CLOSED.value):
        wanted = ["update", "keep-in-touch"]
    found: list[tuple[str, Draft]] = []
    for what in wanted:
        # A draft the services cannot write yet (no meeting logged...) is simply not offered.
        with suppress(CoffeechatError):
            found.append((what, _draft(session, owner, interview.id, what)))
    return found


def _draft(session: Session, owner: User, interview_id: int, what: str) -> Draft:
    if what == "outreach":
        return draft_outreach(session, owner=owner, interview_id=interview_id)
    if what == "follow-up":
        return draft_follow_up(session, owner=owner, interview_id=interview_id)
    return draft_note(session, owner=owner, interview_id=interview_id, kind=_NOTES[what])


_SENT_MESSAGES = {
    "outreach": "Request recorded as sent; the interview is now requested.",
    "follow-up": "Follow-up recorded as sent.",
    "thank-you": "Thank-you recorded as sent; the interview is now thanked.",
    "update": "Update recorded as sent.",
    "keep-in-touch": "Note recorded as sent.",
}


@router.post("/interviews/{interview_id}/sent", dependencies=[FormCsrf])
async def sent(request: Request, work: Db, interview_id: int) -> RedirectResponse:
    what = str((await request.form()).get("what") or "")
    back = f"/interviews/{interview_id}#messages"
    try:
        if what in ("outreach", "follow-up"):
            record_sent(
                work.session,
                owner=work.owner,
                interview_id=interview_id,
                follow_up=what == "follow-up",
            )
        elif what in _NOTES:
            record_note_sent(
                work.session, owner=work.owner, interview_id=interview_id, kind=_NOTES[what]
            )
        else:
            return redirect(back, "Not recorded: choose which note you sent.")
    except CoffeechatError as error:
        return redirect(back, f"Not recorded: {error}")
    return redirect(back, _SENT_MESSAGES[what])


@router.post("/interviews/{interview_id}/replied", dependencies=[FormCsrf])
async def replied(request: Request, work: Db, interview_id: int) -> RedirectResponse:
    declined = (await request.form()).get("declined") == "yes"
    back = f"/interviews/{interview_id}"
    try:
        record_replied(work.session, owner=work.owner, interview_id=interview_id, declined=declined)
    except CoffeechatError as error:
        return redirect(back, f"Not recorded: {error}")
    if declined:
        return redirect(back, "Recorded that they declined. Thank them for replying anyway.")
    return redirect(back, "Reply recorded. Now agree a time and schedule it below.")


@router.post("/interviews/{interview_id}/log", dependencies=[FormCsrf])
async def log(request: Request, work: Db, interview_id: int) -> Response:
    """Notes, takeaways, referrals and the questions asked; the meeting becomes held."""
    from coffeechat.web.interviews import interview_page_with

    data = await request.form()
    form = Form.read(data, LOG_FIELDS)
    asked = [int(v) for v in data.getlist("asked") if isinstance(v, str) and v.isdigit()]
    done = None
    with all_or_nothing(work.session, form):
        done = log_meeting(
            work.session,
            owner=work.owner,
            interview_id=interview_id,
            notes=form.values["notes"],
            takeaways=[
                line.strip() for line in form.values["takeaways"].splitlines() if line.strip()
            ],
            referrals=[
                line.strip() for line in form.values["referrals"].splitlines() if line.strip()
            ],
            asked=asked,
        )
    if done is None or not form.ok:
        if "referral" in form.errors:
            form.errors["referrals"] = form.errors.pop("referral")
        if "takeaway" in form.errors:
            form.errors["takeaways"] = form.errors.pop("takeaway")
        return interview_page_with(request, work, interview_id, log_form=form)
    parts = ["Meeting logged."]
    if done.referrals:
        names = ", ".join(r.person.full_name for r in done.referrals)
        parts.append(f"Added {names} to your network, each with an interview idea.")
    if done.held_now:
        parts.append("A thank-you is due within a day: the draft is below.")
    return redirect(f"/interviews/{interview_id}#messages", " ".join(parts))
