"""Organization pages: who works there and the research dossier."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from coffeechat.network.directory import PeopleFilter, find_people
from coffeechat.network.organizations import get_organization
from coffeechat.web.deps import Db, render

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
    context = {"organization": organization, "people": people}
    return render(request, "orgs/show.html", context, work=work)
