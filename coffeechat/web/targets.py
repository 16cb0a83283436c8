"""The target list page: score many organizations quickly, from the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from coffeechat.errors import Invalid
from coffeechat.network.targets import (
    ScoredTarget,
    add_targets,
    check_motivation,
    check_postings,
    drop_target,
    list_targets,
    rescore,
)
from coffeechat.web.deps import Db, FormCsrf, redirect, render
from coffeechat.web.forms import Form, all_or_nothing

router = APIRouter(include_in_schema=False)

ADVOCACY = {2: "Advocate", 1: "Alumni", 0: "None yet"}


def _names(rows: list[ScoredTarget]) -> tuple[str, ...]:
    return tuple(
        f"{part}-{row.target.id}" for row in rows for part in ("motivation", "postings", "notes")
    )


def _values(rows: list[ScoredTarget]) -> dict[str, str]:
    values = {}
    for row in rows:
        target = row.target
        values[f"motivation-{target.id}"] = str(target.motivation)
        values[f"postings-{target.id}"] = str(target.postings or "")
        values[f"notes-{target.id}"] = target.notes
    return values


def _page(
    request: Request, work: Db, rows: list[ScoredTarget], form: Form, adding: Form | None = None
) -> HTMLResponse:
    labels = {
        f"{part}-{row.target.id}": f"{part.capitalize()} for {row.name}"
        for row in rows
        for part in ("motivation", "postings", "notes")
    }
    context = {
        "rows": rows,
        "labels": labels,
        "form": form,
        "adding": adding or Form({"names": "", "create": ""}),
        "advocacy": ADVOCACY,
    }
    ok = form.ok and (adding is None or adding.ok)
    return render(request, "targets/list.html", context, 200 if ok else 422, work=work)


@router.get("/targets", response_class=HTMLResponse)
def targets(request: Request, work: Db) -> HTMLResponse:
    rows = list_targets(work.session, owner=work.owner)
    return _page(request, work, rows, Form(_values(rows)))


@dataclass(frozen=True)
class _Scores:
    target_id: int
    motivation: int
    postings: int | None
    notes: str


def _score(form: Form, name: str, check: Callable[[int], int], blank: str | None) -> int | None:
    """The whole number typed in ``name``; a problem is noted at the field.

    ``blank`` is the message for an empty field; None lets it stay empty.
    """
    raw = form.values.get(name, "").strip()
    if not raw:
        if blank is not None:
            form.errors[name] = blank
        return None
    try:
        return check(int(raw))
    except ValueError:
        form.errors[name] = f"Enter a whole number, not {raw!r}."
    except Invalid as error:
        form.errors[name] = error.message[0].upper() + error.message[1:] + "."
    return None


def _read_scores(data: FormData, rows: list[ScoredTarget]) -> tuple[Form, list[_Scores]]:
    """Every row's scores, with each bad field named, so all problems show at once."""
    form = Form.read(data, _names(rows))
    scores = []
    for row in rows:
        key = row.target.id
        motivation = _score(form, f"motivation-{key}", check_motivation, "Enter 0, 1, 2 or 3.")
        postings = _score(form, f"postings-{key}", check_postings, None)
        notes = form.values[f"notes-{key}"]
        if len(notes) > 2000:
            form.errors[f"notes-{key}"] = "Keep notes under 2,000 characters."
        scores.append(_Scores(key, motivation or 0, postings, notes))
    return form, scores


@router.post("/targets", dependencies=[FormCsrf])
async def save_scores(request: Request, work: Db) -> Response:
    rows = list_targets(work.session, owner=work.owner)
    form, scores = _read_scores(await request.form(), rows)
    if form.ok:
        with all_or_nothing(work.session, form):
            for row in scores:
                rescore(
                    work.session,
                    owner=work.owner,
                    target_id=row.target_id,
                    motivation=row.motivation,
                    postings=row.postings,
                    notes=row.notes,
                )
    if not form.ok:
        return _page(request, work, rows, form)
    return redirect("/targets", f"Saved the scores of {len(scores)} targets.")


@router.post("/targets/add", dependencies=[FormCsrf])
async def add(request: Request, work: Db) -> Response:
    adding = Form.read(await request.form(), ("names", "create"))
    with all_or_nothing(work.session, adding):
        added = add_targets(
            work.session,
            owner=work.owner,
            # One name a line: names may hold commas ("Acme, Inc.").
            names=adding.values["names"].splitlines(),
            create=adding.values["create"] == "yes",
        )
    if not adding.ok:
        rows = list_targets(work.session, owner=work.owner)
        return _page(request, work, rows, Form(_values(rows)), adding)
    names = ", ".join(t.name for t in added) or "nothing new"
    return redirect("/targets", f"Added {names}.")


@router.post("/targets/{target_id}/remove", dependencies=[FormCsrf])
def remove(work: Db, target_id: int) -> Response:
    name = drop_target(work.session, owner=work.owner, target_id=target_id)
    return redirect("/targets", f"Removed {name} from your targets.")
