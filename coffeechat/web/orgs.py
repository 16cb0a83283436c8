"""Organization pages: who works there and the research dossier."""

from __future__ import annotations

from itertools import groupby

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from coffeechat.models import Organization
from coffeechat.network.directory import PeopleFilter, find_people
from coffeechat.network.next_contact import next_contact_for
from coffeechat.network.organizations import edit_organization, get_organization
from coffeechat.network.paths import warm_paths
from coffeechat.research.service import list_facts
from coffeechat.web.deps import Db, FormCsrf, redirect, render
from coffeechat.web.forms import Form, all_or_nothing
from coffeechat.web.uploads import megabytes

router = APIRouter(include_in_schema=False)


@router.get("/orgs/{organization_id}", response_class=HTMLResponse)
def organization_page(request: Request, work: Db, organization_id: int) -> HTMLResponse:
    organization = get_organization(work.session, owner=work.owner, organization_id=organization_id)
    people = find_people(
        work.session,
        owner=work.owner,
        where=PeopleFilter(organization_id=organization.id),
        limit=100,
    )
    _org, facts = list_facts(work.session, owner=work.owner, organization=str(organization.id))
    limit = request.app.state.settings.upload_max_bytes
    context = {
        "organization": organization,
        "people": people,
        "paths": warm_paths(work.session, owner=work.owner, organization=organization, limit=5),
        "next_contact": next_contact_for(
            work.session,
            owner=work.owner,
            organization=organization,
            after_business_days=request.app.state.settings.next_contact_business_days,
        ),
        # Kinds in the research's own order (mission first), not alphabetical.
        "facts": [(kind, list(group)) for kind, group in groupby(facts, key=lambda f: f.kind)],
        "upload_limit": megabytes(limit),
    }
    return render(request, "orgs/show.html", context, work=work)


ORG_FIELDS = ("name", "website", "industry", "location")


def _edit_page(request: Request, work: Db, organization: Organization, form: Form) -> HTMLResponse:
    context = {"organization": organization, "form": form}
    return render(request, "orgs/form.html", context, 200 if form.ok else 422, work=work)


@router.get("/orgs/{organization_id}/edit", response_class=HTMLResponse)
def edit_form(request: Request, work: Db, organization_id: int) -> HTMLResponse:
    org = get_organization(work.session, owner=work.owner, organization_id=organization_id)
    values = {
        "name": org.name,
        "website": org.website or "",
        "industry": org.industry or "",
        "location": org.location or "",
    }
    return _edit_page(request, work, org, Form(values))


@router.post("/orgs/{organization_id}", dependencies=[FormCsrf])
async def update(request: Request, work: Db, organization_id: int) -> Response:
    org = get_organization(work.session, owner=work.owner, organization_id=organization_id)
    form = Form.read(await request.form(), ORG_FIELDS)
    form.require("name", "Enter the organization's name.")
    if form.ok:
        with all_or_nothing(work.session, form):
            edit_organization(
                work.session,
                owner=work.owner,
                organization_id=org.id,
                name=form.values["name"],
                website=form.values["website"],
                industry=form.values["industry"],
                location=form.values["location"],
            )
    if not form.ok:
        return _edit_page(request, work, org, form)
    return redirect(f"/orgs/{org.id}", f"Saved {org.name}.")
