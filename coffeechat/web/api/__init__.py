"""The JSON API under /api/v1: thin routes over the same services as the pages."""

from __future__ import annotations

from fastapi import APIRouter, Request

from coffeechat.web.api import (
    agenda,
    interviews,
    organizations,
    people,
    questions,
    research,
)
from coffeechat.web.api.schemas import Session, problem

router = APIRouter(
    prefix="/api/v1",
    responses=problem(403, "Missing or wrong X-CSRF-Token."),
)


@router.get("/session", response_model=Session, tags=["session"])
def session(request: Request) -> Session:
    """The CSRF token for writes; the response also sets the cookie it belongs to."""
    return Session(csrf_token=request.state.csrf)


for module in (people, organizations, interviews, questions, research, agenda):
    router.include_router(module.router)
