"""/api/v1/organizations/{id}/facts, /api/v1/organizations/{id}/research, /api/v1/facts/{id}"""

from __future__ import annotations

from fastapi import APIRouter, Request

from coffeechat.errors import Invalid
from coffeechat.models import Fact, Source
from coffeechat.network.organizations import get_organization
from coffeechat.research.documents import RawInput
from coffeechat.research.ingest import analyse_raw, store
from coffeechat.research.service import (
    add_page,
    confirm_fact,
    edit_fact,
    get_fact,
    list_facts,
    reject_fact,
)
from coffeechat.web.api.schemas import (
    FactOut,
    FactPatch,
    ResearchIn,
    ResearchOut,
    SourceRef,
    problem,
)
from coffeechat.web.deps import ApiCsrf, Db
from coffeechat.web.research import web_address

router = APIRouter(tags=["research"])
NOT_FOUND = problem(404, "No such organization or fact.")


def _source(source: Source) -> SourceRef:
    return SourceRef(id=source.id, title=source.title, url=source.url)


def fact_out(fact: Fact) -> FactOut:
    return FactOut(
        id=fact.id,
        kind=fact.kind,
        text=fact.shown_text,
        original=fact.text,
        status=fact.status,
        confidence=fact.confidence,
        source=_source(fact.source),
    )


@router.get(
    "/organizations/{organization_id}/facts", response_model=list[FactOut], responses=NOT_FOUND
)
def facts(organization_id: int, work: Db, include_rejected: bool = False) -> list[FactOut]:
    """The organization's research, grouped by kind."""
    _org, found = list_facts(
        work.session,
        owner=work.owner,
        organization=str(organization_id),
        include_rejected=include_rejected,
    )
    return [fact_out(f) for f in found]


@router.post(
    "/organizations/{organization_id}/research",
    response_model=ResearchOut,
    status_code=201,
    responses=NOT_FOUND,
    dependencies=[ApiCsrf],
)
def add(organization_id: int, body: ResearchIn, request: Request, work: Db) -> ResearchOut:
    """Read a web page (``url``) or pasted ``text`` and keep the facts found in it."""
    org = get_organization(work.session, owner=work.owner, organization_id=organization_id)
    if (body.url is None) == (body.text is None):
        raise Invalid("url", "give either url or text")
    if body.url is not None:
        done = add_page(
            work.session,
            owner=work.owner,
            organization=str(org.id),
            ref=web_address(body.url),
            settings=request.app.state.settings,
        )
    else:
        raw = RawInput((body.text or "").encode(), name="pasted text")
        done = store(work.session, owner=work.owner, analysis=analyse_raw(raw), organization=org)
    return ResearchOut(
        source=_source(done.source), created=done.created, facts=[fact_out(f) for f in done.facts]
    )


@router.patch(
    "/facts/{fact_id}", response_model=FactOut, responses=NOT_FOUND, dependencies=[ApiCsrf]
)
def review(fact_id: int, body: FactPatch, work: Db) -> FactOut:
    """Correct the wording (which confirms the fact), confirm it, or reject it."""
    get_fact(work.session, owner=work.owner, fact_id=fact_id)
    if body.text is not None:
        edit_fact(work.session, owner=work.owner, fact_id=fact_id, text=body.text)
    if body.status == "confirmed":
        confirm_fact(work.session, owner=work.owner, fact_id=fact_id)
    elif body.status == "rejected":
        reject_fact(work.session, owner=work.owner, fact_id=fact_id)
    return fact_out(get_fact(work.session, owner=work.owner, fact_id=fact_id))
