"""/api/v1/organizations"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from coffeechat.network.organizations import (
    add_organization,
    edit_organization,
    get_organization,
    list_organizations,
)
from coffeechat.web.api.schemas import (
    OrganizationIn,
    OrganizationOut,
    OrganizationPatch,
    OrganizationsPage,
    problem,
)
from coffeechat.web.deps import ApiCsrf, Db

router = APIRouter(prefix="/organizations", tags=["organizations"])
NOT_FOUND = problem(404, "No such organization.")
CONFLICT = problem(409, "That name is taken.")


@router.get("", response_model=OrganizationsPage)
def list_orgs(
    work: Db,
    q: Annotated[str, Query(max_length=200, description="Part of the name")] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> OrganizationsPage:
    """Organizations by name, with how many of your people work at each."""
    wanted = q.casefold().strip()
    rows = [
        s for s in list_organizations(work.session, owner=work.owner)
        if wanted in s.organization.name.casefold()
    ]  # fmt: skip
    window = rows[offset : offset + limit]
    return OrganizationsPage(
        items=[OrganizationOut.of(s.organization, s.people) for s in window],
        offset=offset,
        limit=limit,
        has_more=len(rows) > offset + limit,
    )


@router.post(
    "", response_model=OrganizationOut, status_code=201, responses=CONFLICT, dependencies=[ApiCsrf]
)
def create_org(body: OrganizationIn, work: Db) -> OrganizationOut:
    org = add_organization(
        work.session,
        owner=work.owner,
        name=body.name,
        website=body.website,
        industry=body.industry,
        location=body.location,
    )
    return OrganizationOut.of(org, 0)


@router.get("/{organization_id}", response_model=OrganizationOut, responses=NOT_FOUND)
def read_org(organization_id: int, work: Db) -> OrganizationOut:
    org = get_organization(work.session, owner=work.owner, organization_id=organization_id)
    return OrganizationOut.of(org, len(org.people))


@router.patch(
    "/{organization_id}",
    response_model=OrganizationOut,
    responses={**NOT_FOUND, **CONFLICT},
    dependencies=[ApiCsrf],
)
def update_org(organization_id: int, body: OrganizationPatch, work: Db) -> OrganizationOut:
    org = edit_organization(
        work.session,
        owner=work.owner,
        organization_id=organization_id,
        name=body.name,
        website=body.website,
        industry=body.industry,
        location=body.location,
    )
    return OrganizationOut.of(org, len(org.people))
