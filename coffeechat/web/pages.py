"""Every HTML page of the app, one router per noun."""

from __future__ import annotations

from fastapi import APIRouter

from coffeechat.web import (
    brief,
    calendar,
    careers,
    imports,
    interviews,
    meetings,
    network,
    orgs,
    people,
    profile,
    questions,
    research,
    stats,
    targets,
    today,
)

router = APIRouter(include_in_schema=False)
for module in (
    today,
    people,
    orgs,
    interviews,
    questions,
    meetings,
    research,
    brief,
    network,
    careers,
    calendar,
    imports,
    profile,
    targets,
    stats,
):
    router.include_router(module.router)
