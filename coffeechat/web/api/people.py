"""/api/v1/people"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from coffeechat.network.directory import MAX_PAGE, PeopleFilter, find_people
from coffeechat.network.people import (
    ContactChanges,
    add_person,
    edit_person,
    get_person,
    remove_person,
)
from coffeechat.vocab import HowMet
from coffeechat.web.api.schemas import PeoplePage, PersonIn, PersonOut, PersonPatch, problem
from coffeechat.web.deps import ApiCsrf, Db

router = APIRouter(prefix="/people", tags=["people"])
NOT_FOUND = problem(404, "No such person.")


@router.get("", response_model=PeoplePage)
def list_people(
    work: Db,
    q: Annotated[str, Query(max_length=200, description="Full-text search, prefixes")] = "",
    organization_id: int | None = None,
    tag: Annotated[str, Query(max_length=60)] = "",
    how_met: HowMet | None = None,
    warmth: Literal["warm", "getting_there", "cool", "unknown"] | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> PeoplePage:
    """People by name (or by relevance when ``q`` is given), filtered and paged."""
    where = PeopleFilter(
        query=q,
        organization_id=organization_id,
        tag=tag,
        how_met=how_met.value if how_met else "",
        warmth=warmth or "",
    )
    page = find_people(
        work.session, owner=work.owner, where=where, limit=limit, offset=offset, details=True
    )
    return PeoplePage(
        items=[PersonOut.of(p) for p in page.people],
        offset=page.offset,
        limit=page.limit,
        has_more=page.has_more,
    )


@router.post("", response_model=PersonOut, status_code=201, dependencies=[ApiCsrf])
def create_person(body: PersonIn, work: Db) -> PersonOut:
    person = add_person(
        work.session,
        owner=work.owner,
        name=body.name,
        org=body.organization,
        title=body.title,
        contacts=ContactChanges(emails=body.emails, phones=body.phones, urls=body.urls),
        how_met=body.how_met,
        referred_by=body.referred_by,
        tags=body.tags,
        location=body.location,
        notes=body.notes,
    )
    return PersonOut.of(person)


@router.get("/{person_id}", response_model=PersonOut, responses=NOT_FOUND)
def read_person(person_id: int, work: Db) -> PersonOut:
    return PersonOut.of(get_person(work.session, owner=work.owner, person_id=person_id))


@router.patch("/{person_id}", response_model=PersonOut, responses=NOT_FOUND, dependencies=[ApiCsrf])
def update_person(person_id: int, body: PersonPatch, work: Db) -> PersonOut:
    sent = body.model_fields_set
    extra = {"referred_by": body.referred_by} if "referred_by" in sent else {}
    person = edit_person(
        work.session,
        owner=work.owner,
        person_id=person_id,
        name=body.name,
        org=body.organization,
        title=body.title,
        contacts=ContactChanges(emails=body.emails, phones=body.phones, urls=body.urls),
        how_met=body.how_met,
        tags=body.tags,
        location=body.location,
        notes=body.notes,
        **extra,
    )
    return PersonOut.of(person)


@router.delete("/{person_id}", status_code=204, responses=NOT_FOUND, dependencies=[ApiCsrf])
def delete_person(person_id: int, work: Db) -> Response:
    """Remove a person; their interviews are kept without them."""
    remove_person(work.session, owner=work.owner, person_id=person_id)
    return Response(status_code=204)
