"""What every route shares: the unit of work, the owner, CSRF checks and page rendering."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote, unquote

from fastapi import Depends, Header, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session

from coffeechat.db import Database, local_owner
from coffeechat.models import User
from coffeechat.network.profile import get_profile
from coffeechat.web.security import CSRF_FIELD, tokens_match

FLASH_COOKIE = "cc_flash"


@dataclass(frozen=True)
class Work:
    """One request's unit of work: the session and the owner whose data it may touch."""

    session: Session
    owner: User


def _work(request: Request) -> Iterator[Work]:
    database: Database = request.app.state.database
    with database.session() as session:
        yield Work(session, local_owner(session))


# scope="function": commit before the response leaves, so a redirect never races the write.
Db = Annotated[Work, Depends(_work, scope="function")]


class CsrfRefused(Exception):
    """A state-changing request came without the page's CSRF token."""


async def check_form_csrf(request: Request) -> None:
    """Forms must echo the token of the CSRF cookie in a hidden field."""
    form = await request.form()
    given = form.get(CSRF_FIELD)
    if not tokens_match(request.state.csrf, given if isinstance(given, str) else None):
        raise CsrfRefused()


def check_api_csrf(
    request: Request,
    x_csrf_token: Annotated[
        str | None,
        Header(description="The token from GET /api/v1/session (with its cookie)."),
    ] = None,
) -> None:
    """API writes must send the CSRF cookie's token in the X-CSRF-Token header."""
    if not tokens_match(request.state.csrf, x_csrf_token):
        raise CsrfRefused()


FormCsrf = Depends(check_form_csrf)
ApiCsrf = Depends(check_api_csrf)


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    status: int = 200,
    work: Work | None = None,
) -> HTMLResponse:
    """A page from ``template``, with the flash message left by the previous action.

    Given the unit of work, times on the page are shown in the user's own zone.
    """
    flash = request.cookies.get(FLASH_COOKIE)
    zone = get_profile(work.session, owner=work.owner).timezone if work else "UTC"
    values = {
        "request": request,
        "flash": unquote(flash) if flash else None,
        "zone": zone,
        **(context or {}),
    }
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, template, values, status_code=status
    )
    if flash:
        response.delete_cookie(FLASH_COOKIE, path="/")
    return response


def redirect(url: str, flash: str | None = None) -> RedirectResponse:
    """See-other after a successful form, with an optional message for the next page."""
    response = RedirectResponse(url, status_code=303)
    if flash:
        response.set_cookie(
            FLASH_COOKIE, quote(flash[:300]), path="/", httponly=True, samesite="strict"
        )
    return response
