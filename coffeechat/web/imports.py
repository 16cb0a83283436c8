"""Import and export: uploads of contacts, downloads of data, the calendar subscription."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from coffeechat.errors import CoffeechatError
from coffeechat.interop.backup import backup_json
from coffeechat.interop.csvfile import interviews_csv, people_csv
from coffeechat.interop.linkedin import parse_linkedin
from coffeechat.interop.records import Parsed, read_text
from coffeechat.interop.report import ImportReport, OnDuplicate
from coffeechat.interop.service import ImportOptions, ImportRejected, import_parsed
from coffeechat.interop.vcard import export_vcards, parse_vcards
from coffeechat.meetings.feed import feed_token
from coffeechat.meetings.pipeline import list_interviews
from coffeechat.network.people import list_people
from coffeechat.web.calendar import feed_url
from coffeechat.web.deps import Db, FormCsrf, render
from coffeechat.web.uploads import megabytes, read_upload, too_large

router = APIRouter(include_in_schema=False)

# Each importable kind: its label, the file endings it takes, and its reader.
KINDS: dict[str, tuple[str, tuple[str, ...], Callable[[Path, str], Parsed]]] = {
    "linkedin": ("LinkedIn Connections CSV", (".csv",), parse_linkedin),
    "vcard": ("vCard", (".vcf", ".vcard"), parse_vcards),
}


def _page(
    request: Request,
    work: Db,
    report: ImportReport | None = None,
    problem: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    token = feed_token(work.session, owner=work.owner)
    context = {
        "feed": feed_url(request, token),
        "report": report,
        "problem": problem,
        "limit": megabytes(request.app.state.settings.upload_max_bytes),
    }
    return render(request, "imports/page.html", context, status, work=work)


@router.get("/import", response_class=HTMLResponse)
def import_page(request: Request, work: Db) -> HTMLResponse:
    return _page(request, work)


@router.post("/import", dependencies=[FormCsrf])
async def upload(request: Request, work: Db) -> HTMLResponse:
    """Read an uploaded contacts file and import it in one go, then show what happened."""
    settings = request.app.state.settings
    limit = settings.upload_max_bytes
    if too_large(request, limit):
        return _page(request, work, problem=f"Files must be under {megabytes(limit)}.", status=413)
    form = await request.form()
    kind = str(form.get("kind") or "")
    if kind not in KINDS:
        return _page(request, work, problem="Choose LinkedIn or vCard.", status=422)
    label, suffixes, parse = KINDS[kind]
    duplicates = str(form.get("duplicates") or OnDuplicate.MERGE.value)
    try:
        options = ImportOptions(
            on_duplicate=OnDuplicate(duplicates),
            skip_bad_rows=form.get("skip_bad_rows") == "yes",
            threshold=settings.dedupe_threshold,
        )
        file = await read_upload(form.get("file"), field="file", suffixes=suffixes, limit=limit)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / file.name
            path.write_bytes(file.data)
            parsed = parse(path, read_text(path, kind=label, max_bytes=limit))
    except (CoffeechatError, ValueError) as error:
        return _page(request, work, problem=str(error), status=422)
    # All or nothing: a refusal half-way leaves the network exactly as it was.
    savepoint = work.session.begin_nested()
    try:
        report = import_parsed(
            work.session, owner=work.owner, parsed=parsed, file=file.name, options=options
        )
    except ImportRejected as rejected:
        savepoint.rollback()
        return _page(request, work, rejected.report, problem=str(rejected), status=422)
    except CoffeechatError as error:
        savepoint.rollback()
        return _page(request, work, problem=str(error), status=422)
    savepoint.commit()
    return _page(request, work, report)


def _download(text: str, name: str, media_type: str) -> Response:
    return Response(
        text,
        media_type=f"{media_type}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/export/people.csv")
def export_people_csv(work: Db) -> Response:
    return _download(
        people_csv(list_people(work.session, owner=work.owner)), "people.csv", "text/csv"
    )


@router.get("/export/people.vcf")
def export_people_vcard(work: Db) -> Response:
    people = list_people(work.session, owner=work.owner)
    return _download(export_vcards(people), "people.vcf", "text/vcard")


@router.get("/export/interviews.csv")
def export_interviews_csv(work: Db) -> Response:
    rows = list_interviews(work.session, owner=work.owner)
    return _download(interviews_csv(rows), "interviews.csv", "text/csv")


@router.get("/export/backup.json")
def export_backup(work: Db) -> Response:
    return _download(
        backup_json(work.session, owner=work.owner), "coffeechat-backup.json", "application/json"
    )
