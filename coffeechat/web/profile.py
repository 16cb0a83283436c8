"""Your own profile: the name that signs your notes, schools and employers, time zone."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from coffeechat.network.profile import get_profile, update_profile
from coffeechat.web.deps import Db, FormCsrf, redirect, render
from coffeechat.web.forms import Form, all_or_nothing

router = APIRouter(include_in_schema=False)
FIELDS = ("name", "email", "schools", "employers", "fields", "country", "timezone")


def _page(request: Request, work: Db, form: Form) -> HTMLResponse:
    return render(request, "profile/form.html", {"form": form}, 200 if form.ok else 422, work=work)


@router.get("/me", response_class=HTMLResponse)
def me(request: Request, work: Db) -> HTMLResponse:
    profile = get_profile(work.session, owner=work.owner)
    values = {
        "name": profile.name or "",
        "email": profile.email or "",
        "schools": "\n".join(profile.schools),
        "employers": "\n".join(profile.employers),
        "fields": "\n".join(profile.fields),
        "country": profile.country,
        "timezone": profile.timezone,
    }
    return _page(request, work, Form(values))


@router.post("/me", dependencies=[FormCsrf])
async def save(request: Request, work: Db) -> Response:
    form = Form.read(await request.form(), FIELDS)
    with all_or_nothing(work.session, form):
        update_profile(
            work.session,
            owner=work.owner,
            name=form.values["name"],
            email=form.values["email"],
            schools=form.lines("schools"),
            employers=form.lines("employers"),
            fields=form.lines("fields"),
            country=form.values["country"],
            timezone=form.values["timezone"],
        )
    if not form.ok:
        return _page(request, work, form)
    return redirect("/me", "Profile saved.")
