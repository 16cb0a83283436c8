"""Research on an organization's page: add a web page, a file or pasted text; review facts."""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from coffeechat.config import Settings
from coffeechat.errors import CoffeechatError, Invalid
from coffeechat.network.organizations import get_organization
from coffeechat.research.documents import RawInput
from coffeechat.research.ingest import Ingested, analyse_raw, store
from coffeechat.research.service import (
    add_bio,
    add_page,
    confirm_fact,
    edit_fact,
    get_fact,
    reject_fact,
)
from coffeechat.web.deps import Db, FormCsrf, redirect
from coffeechat.web.uploads import megabytes, read_upload, too_large

router = APIRouter(include_in_schema=False)
READABLE = (".html", ".htm", ".txt", ".md", ".pdf")
MAX_PASTE = 200_000


def _summary(done: Ingested) -> str:
    found = len(done.facts)
    what = "Added" if done.created else "Updated"
    title = done.source.title or done.source.url or "the text"
    return f"{what} {title}: {found} fact{'s' if found != 1 else ''} to review."


def web_address(value: str) -> str:
    """Only http(s) addresses: the form must never read files on this computer."""
    cleaned = value.strip()
    if urlsplit(cleaned).scheme not in ("http", "https"):
        raise Invalid("url", "enter a web address starting with http:// or https://")
    return cleaned


@router.post("/orgs/{organization_id}/research", dependencies=[FormCsrf])
async def add(request: Request, work: Db, organization_id: int) -> Response:
    org = get_organization(work.session, owner=work.owner, organization_id=organization_id)
    settings: Settings = request.app.state.settings
    back = f"/orgs/{org.id}#research"
    if too_large(request, settings.upload_max_bytes):
        return redirect(
            back, f"Not added: files must be under {megabytes(settings.upload_max_bytes)}."
        )
    form = await request.form()
    kind = form.get("kind")
    try:
        if kind == "url":
            url = web_address(str(form.get("url") or ""))
            done = add_page(
                work.session, owner=work.owner, organization=str(org.id), ref=url, settings=settings
            )
        else:
            if kind == "file":
                upload = await read_upload(
                    form.get("file"), field="file", suffixes=READABLE,
                    limit=settings.upload_max_bytes,
                )  # fmt: skip
                raw = RawInput(upload.data, name=upload.name)
            else:
                text = str(form.get("text") or "").strip()
                if not text:
                    raise Invalid("text", "paste some text first")
                if len(text) > MAX_PASTE:
                    raise Invalid("text", f"is longer than {MAX_PASTE:,} characters")
                raw = RawInput(text.encode(), name="pasted text")
            done = store(
                work.session, owner=work.owner, analysis=analyse_raw(raw), organization=org
            )
    except CoffeechatError as error:
        return redirect(back, f"Not added: {error}")
    return redirect(back, _summary(done))


@router.post("/facts/{fact_id}", dependencies=[FormCsrf])
async def review(request: Request, work: Db, fact_id: int) -> RedirectResponse:
    """Confirm, reject or correct one fact, then back to its organization."""
    fact = get_fact(work.session, owner=work.owner, fact_id=fact_id)
    if fact.person_id:
        back = f"/people/{fact.person_id}#background"
    elif fact.organization_id:
        back = f"/orgs/{fact.organization_id}#fact-{fact.id}"
    else:
        back = "/"
    form = await request.form()
    action = form.get("action")
    try:
        if action == "confirm":
            confirm_fact(work.session, owner=work.owner, fact_id=fact.id)
            message = "Fact confirmed."
        elif action == "reject":
            reject_fact(work.session, owner=work.owner, fact_id=fact.id)
            message = "Fact rejected; it stays out even if the page is added again."
        else:
            edit_fact(
                work.session, owner=work.owner, fact_id=fact.id, text=str(form.get("text") or "")
            )
            message = "Fact corrected and confirmed."
    except Invalid as error:
        return redirect(back, f"Not changed: the text {error.message}.")
    return redirect(back, message)


BIO_FILES = (".pdf", ".txt", ".html", ".htm", ".md")


@router.post("/people/{person_id}/background", dependencies=[FormCsrf])
async def background(request: Request, work: Db, person_id: int) -> RedirectResponse:
    """Read their roles and schools from a pasted bio or a profile PDF; suggest openers."""
    settings: Settings = request.app.state.settings
    back = f"/people/{person_id}#background"
    if too_large(request, settings.upload_max_bytes):
        return redirect(
            back, f"Not read: files must be under {megabytes(settings.upload_max_bytes)}."
        )
    form = await request.form()
    try:
        if form.get("kind") == "file":
            upload = await read_upload(
                form.get("file"), field="file", suffixes=BIO_FILES, limit=settings.upload_max_bytes
            )
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / upload.name
                path.write_bytes(upload.data)
                result = add_bio(
                    work.session, owner=work.owner, person_id=person_id, ref=str(path),
                    settings=settings,
                )  # fmt: skip
        else:
            text = str(form.get("text") or "").strip()
            if not text:
                raise Invalid("text", "paste their bio first")
            result = add_bio(
                work.session, owner=work.owner, person_id=person_id, ref="-",
                settings=settings, stdin=text.encode()[:MAX_PASTE],
            )  # fmt: skip
    except CoffeechatError as error:
        return redirect(back, f"Not read: {error}")
    found = f"{len(result.background.roles)} roles and {len(result.background.schools)} schools"
    openers = " ".join(result.openers)
    return redirect(back, f"Read {found}. {openers}".strip())
