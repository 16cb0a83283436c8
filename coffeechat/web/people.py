"""People pages: the searchable list, a person's page, and the add/edit form."""

from __future__ import annotations

from contextlib import suppress
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from coffeechat.errors import Invalid, NotFound
from coffeechat.meetings.pipeline import new_interview
from coffeechat.meetings.thanks import set_keep_in_touch
from coffeechat.models import HowMet, Person
from coffeechat.network.contacts import normalise_email, normalise_phone, normalise_url
from coffeechat.network.directory import (
    WARMTH_BANDS,
    PeopleFilter,
    find_people,
    known_tags,
    organization_choices,
)
from coffeechat.network.patterns import person_pattern
from coffeechat.network.people import (
    ContactChanges,
    add_person,
    edit_person,
    get_person,
    remove_person,
)
from coffeechat.network.profile import get_profile
from coffeechat.network.timeline import person_story
from coffeechat.vocab import Focus
from coffeechat.web.deps import Db, FormCsrf, redirect, render
from coffeechat.web.forms import Form, all_or_nothing

router = APIRouter(include_in_schema=False)

FIELDS = (
    "name", "org", "title", "location", "how_met", "referred_by",
    "emails", "phones", "urls", "tags", "notes",
)  # fmt: skip
HOW_MET = [
    (h.value, h.value.capitalize() if h is not HowMet.LINKEDIN else "LinkedIn") for h in HowMet
]
PAGE = 50
WARMTH_LABELS = [
    ("warm", "Warm"),
    ("getting_there", "Getting there"),
    ("cool", "Cool"),
    ("unknown", "Not known yet"),
]


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@router.get("/people", response_class=HTMLResponse)
def people(
    request: Request,
    work: Db,
    q: str = "",
    org: str = "",
    tag: str = "",
    how_met: str = "",
    warmth: str = "",
    page: int = 1,
) -> HTMLResponse:
    where = PeopleFilter(
        query=q,
        organization_id=_int(org),
        tag=tag,
        how_met=how_met if how_met in {h.value for h in HowMet} else "",
        warmth=warmth if warmth in WARMTH_BANDS else "",
    )
    page = max(page, 1)
    filters = {"q": q, "org": org, "tag": tag, "how_met": where.how_met, "warmth": where.warmth}
    found = find_people(
        work.session, owner=work.owner, where=where, limit=PAGE, offset=(page - 1) * PAGE
    )
    context = {
        "found": found,
        "page": page,
        "filters": filters,
        "args": urlencode({k: v for k, v in filters.items() if v}),
        "orgs": organization_choices(work.session, owner=work.owner),
        "tags": known_tags(work.session, owner=work.owner),
        "how_met": HOW_MET,
        "warmth_bands": WARMTH_LABELS,
    }
    return render(request, "people/list.html", context, work=work)


def _form_page(request: Request, work: Db, form: Form, person: Person | None) -> HTMLResponse:
    context = {
        "form": form,
        "person": person,
        "how_met": HOW_MET,
        "referrers": _referrers(work, person, _int(form.values.get("referred_by"))),
    }
    status = 200 if form.ok else 422
    return render(request, "people/form.html", context, status, work=work)


def _referrers(work: Db, person: Person | None, chosen: int | None) -> list[tuple[int, str]]:
    """People to pick a referrer from: the first 200 by name, and the chosen one."""
    found = find_people(work.session, owner=work.owner, where=PeopleFilter(), limit=200).people
    if chosen is not None and chosen not in {p.id for p in found}:
        with suppress(NotFound):
            found = [get_person(work.session, owner=work.owner, person_id=chosen), *found]
    return [(p.id, p.full_name) for p in found if person is None or p.id != person.id]


@router.get("/people/new", response_class=HTMLResponse)
def new_person(request: Request, work: Db, referred_by: str = "") -> HTMLResponse:
    return _form_page(request, work, Form({"referred_by": referred_by, "how_met": ""}), None)


def _validated(work: Db, form: Form) -> ContactChanges:
    """Check every field the services would refuse, so all problems show at once."""
    form.require("name", "Enter the person's name.")
    region = get_profile(work.session, owner=work.owner).country
    form.check_each("emails", normalise_email)
    form.check_each("phones", lambda value: normalise_phone(value, region))
    form.check_each("urls", normalise_url)
    return ContactChanges(
        emails=form.lines("emails"), phones=form.lines("phones"), urls=form.lines("urls")
    )


@router.post("/people", dependencies=[FormCsrf])
async def create_person(request: Request, work: Db) -> Response:
    form = Form.read(await request.form(), FIELDS)
    contacts = _validated(work, form)
    referrer = form.optional_int("referred_by", "someone from the list")
    if not form.ok:
        return _form_page(request, work, form, None)
    with all_or_nothing(work.session, form, missing_field="referred_by"):
        person = add_person(
            work.session,
            owner=work.owner,
            name=form.values["name"],
            org=form.values["org"],
            title=form.values["title"],
            location=form.values["location"],
            how_met=form.values["how_met"] or None,
            referred_by=referrer,
            contacts=contacts,
            tags=form.lines("tags"),
            notes=form.values["notes"],
        )
    if not form.ok:
        return _form_page(request, work, form, None)
    return redirect(f"/people/{person.id}", f"Added {person.full_name}.")


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, work: Db, person_id: int) -> HTMLResponse:
    person = get_person(work.session, owner=work.owner, person_id=person_id)
    story = person_story(work.session, owner=work.owner, person=person)
    pattern = person_pattern(work.session, owner=work.owner, person_id=person.id)
    context = {
        "pattern": pattern,
        "story": story,
        "person": person,
        "focuses": [f.value for f in Focus],
        "default_days": request.app.state.settings.keep_in_touch_days,
    }
    return render(request, "people/show.html", context, work=work)


@router.get("/people/{person_id}/edit", response_class=HTMLResponse)
def edit_form(request: Request, work: Db, person_id: int) -> HTMLResponse:
    person = get_person(work.session, owner=work.owner, person_id=person_id)
    values = {
        "name": person.full_name,
        "org": person.organization.name if person.organization else "",
        "title": person.title or "",
        "location": person.location or "",
        "how_met": person.how_met,
        "referred_by": str(person.referred_by_id or ""),
        "emails": "\n".join(person.emails),
        "phones": "\n".join(person.phones),
        "urls": "\n".join(person.urls),
        "tags": ", ".join(person.tag_names),
        "notes": person.notes,
    }
    return _form_page(request, work, Form(values), person)


@router.post("/people/{person_id}", dependencies=[FormCsrf])
async def update_person(request: Request, work: Db, person_id: int) -> Response:
    person = get_person(work.session, owner=work.owner, person_id=person_id)
    form = Form.read(await request.form(), FIELDS)
    contacts = _validated(work, form)
    referrer = form.optional_int("referred_by", "someone from the list")
    if form.ok:
        with all_or_nothing(work.session, form, missing_field="referred_by"):
            edit_person(
                work.session,
                owner=work.owner,
                person_id=person.id,
                name=form.values["name"],
                org=form.values["org"],
                title=form.values["title"],
                location=form.values["location"],
                how_met=form.values["how_met"] or None,
                referred_by=referrer,
                contacts=contacts,
                tags=form.lines("tags"),
                notes=form.values["notes"],
            )
    if not form.ok:
        return _form_page(request, work, form, person)
    return redirect(f"/people/{person.id}", f"Saved {person.full_name}.")


@router.post("/people/{person_id}/delete", dependencies=[FormCsrf])
def delete_person(work: Db, person_id: int) -> RedirectResponse:
    person = get_person(work.session, owner=work.owner, person_id=person_id)
    name = person.full_name
    remove_person(work.session, owner=work.owner, person_id=person_id)
    return redirect("/people", f"Removed {name}. Their interviews are kept.")


@router.post("/people/{person_id}/interviews", dependencies=[FormCsrf])
async def plan_interview(request: Request, work: Db, person_id: int) -> Response:
    data = await request.form()
    form = Form.read(data, ("focus", "goal"))
    with all_or_nothing(work.session, form):
        interview = new_interview(
            work.session,
            owner=work.owner,
            person_id=person_id,
            focus=form.values["focus"] or Focus.COMPANY.value,
            goal=form.values["goal"],
        )
    if not form.ok:
        return redirect(f"/people/{person_id}", f"Not planned: {next(iter(form.errors.values()))}")
    return redirect(f"/interviews/{interview.id}", "Interview planned. Now prepare for it.")


@router.post("/people/{person_id}/keep-in-touch", dependencies=[FormCsrf])
async def keep_in_touch(request: Request, work: Db, person_id: int) -> RedirectResponse:
    raw = str((await request.form()).get("days") or "").strip()
    back = f"/people/{person_id}"
    if raw and not raw.isdigit():
        return redirect(back, "Not saved: give a number of days (0 for never).")
    days = int(raw) if raw else None
    try:
        set_keep_in_touch(work.session, owner=work.owner, person_id=person_id, days=days)
    except Invalid as error:
        return redirect(back, f"Not saved: the days {error.message}.")
    if days is None:
        return redirect(back, "Keep-in-touch reminders follow your default.")
    if days == 0:
        return redirect(back, "No keep-in-touch reminders for this person.")
    return redirect(back, f"You will be reminded to keep in touch every {days} days.")
