"""``coffeechat careers``: load O*NET, search occupations, read a career dossier, link it."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

import typer

from coffeechat.cli._common import console, emit_json, fail, session_scope, table

if TYPE_CHECKING:
    from rich.progress import Progress, ProgressColumn

    from coffeechat.careers.dossier import Dossier
    from coffeechat.careers.onet_files import OnetFiles
    from coffeechat.careers.onet_import import ImportReport

app = typer.Typer(no_args_is_help=True)

JSON = typer.Option(False, "--json", help="Print JSON (shape in docs/cli.md).")
SHOWN_WARNINGS = 20


def _progress(*columns: ProgressColumn) -> Progress:
    """A progress bar on stderr, shown only to a person at a terminal."""
    from rich.console import Console
    from rich.progress import Progress

    stderr = Console(stderr=True)
    return Progress(*columns, console=stderr, transient=True, disable=not stderr.is_terminal)


def _open_files(source: str | None, refresh: bool) -> tuple[OnetFiles, str]:
    """Open --from; a download (URL, or no --from) shows a progress bar once bytes flow."""
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        TaskID,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    from coffeechat.careers.onet_files import open_source
    from coffeechat.config import get_settings
    from coffeechat.errors import CoffeechatError
    from coffeechat.fetch import FetchFailed

    shown: list[tuple[Progress, TaskID]] = []

    def advance(done: int, total: int | None) -> None:
        if not shown:
            bar = _progress(
                TextColumn("Downloading O*NET"),
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                TimeRemainingColumn(),
            )
            bar.start()
            shown.append((bar, bar.add_task("download", total=total)))
        bar, task = shown[0]
        bar.update(task, completed=done, total=total)

    try:
        return open_source(source, settings=get_settings(), refresh=refresh, progress=advance)
    except FetchFailed as error:
        fail(str(error), code=1)
    except CoffeechatError as error:
        fail(str(error))
    finally:
        for bar, _task in shown:
            bar.stop()


def _print_report(report: ImportReport) -> None:
    from coffeechat.careers.onet_files import FILES

    out = console()
    out.print(f"[bold]Imported O*NET data from {report.source}[/bold]")
    for name in FILES:
        if name in report.counts:
            out.print(f"  {report.counts[name]:>8,}  {name}")
    for name in report.missing_files:
        out.print(f"  [dim]{'missing':>8}  {name}[/dim]")
    for warning in report.warnings[:SHOWN_WARNINGS]:
        # Line 1 is a file's header: that warning already says the file was skipped.
        skipped = "" if warning.line == 1 else " (row skipped)"
        typer.echo(f"Warning: {warning}{skipped}", err=True)
    if len(report.warnings) > SHOWN_WARNINGS:
        more = len(report.warnings) - SHOWN_WARNINGS
        typer.echo(f"Warning: … and {more} more rows skipped.", err=True)


@app.command("import-onet")
def import_onet(
    source: str | None = typer.Option(
        None,
        "--from",
        metavar="DIR|ZIP|URL",
        help="An O*NET text release: folder, zip or URL. Default: download the current release.",
    ),
    refresh: bool = typer.Option(False, "--refresh", help="Download again even if cached."),
    as_json: bool = JSON,
) -> None:
    """Load the O*NET occupation database (replaces any earlier import)."""
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn

    from coffeechat.careers import onet_import
    from coffeechat.careers.onet_files import FILES

    files, label = _open_files(source, refresh)
    try:
        with session_scope() as (session, _owner):
            present = [name for name in FILES if files.has(name)]
            columns = (TextColumn("{task.description:<48}"), BarColumn(), MofNCompleteColumn())
            with _progress(*columns) as bar:
                task = bar.add_task("Reading", total=len(present))

                def on_file(name: str) -> None:
                    bar.update(task, description=name, completed=present.index(name))

                report = onet_import.import_onet(session, files, source=label, on_file=on_file)
    finally:
        files.close()
    if as_json:
        emit_json(
            {
                "source": report.source,
                "counts": report.counts,
                "missing_files": list(report.missing_files),
                "warnings": [asdict(w) for w in report.warnings],
            }
        )
        return
    _print_report(report)


@app.command("search")
def search(
    text: str = typer.Argument(..., metavar="TEXT", help="Job title words, typos welcome."),
    limit: int = typer.Option(10, "--limit", help="How many occupations to list."),
    as_json: bool = JSON,
) -> None:
    """Find occupations by title or alternate title."""
    from coffeechat.careers.search import onet_loaded, search_careers

    with session_scope() as (session, _owner):
        if not onet_loaded(session):
            fail("O*NET data is not loaded yet; run: coffeechat careers import-onet")
        hits = search_careers(session, text, limit=limit)
        if as_json:
            emit_json([asdict(hit) for hit in hits])
            return
        table(
            ["Code", "Occupation", "Matched title", "Score"],
            [
                [h.code, h.title, "" if h.matched == h.title else h.matched, str(h.score)]
                for h in hits
            ],
            empty=f"No occupation matches {text!r}. Try fewer or more general words.",
        )


@app.command("show")
def show(
    code: str = typer.Argument(..., metavar="CODE", help="O*NET-SOC code, e.g. 15-1252.00."),
    as_json: bool = JSON,
) -> None:
    """Read a career dossier: tasks, qualifications, workplace, technologies, related jobs."""
    from coffeechat.careers.dossier import career_dossier

    with session_scope() as (session, _owner):
        dossier = career_dossier(session, code=code)
        if as_json:
            emit_json(asdict(dossier))
            return
        _print_dossier(dossier)


def _print_dossier(d: Dossier) -> None:
    from rich.markup import escape

    out = console()
    out.print(f"[bold]{escape(d.title)}[/bold] ({d.code})")
    out.print(escape(d.description))
    if d.alternate_titles:
        out.print(f"[dim]Also called:[/dim] {escape(', '.join(d.alternate_titles))}")

    def section(title: str, lines: list[str]) -> None:
        if lines:
            out.print(f"\n[bold]{title}[/bold]")
            for line in lines:
                out.print(f"  {line}")

    section(
        "A typical day (tasks, most important first; importance 1-5)",
        [
            f"{'' if t.importance is None else f'{t.importance:.1f}':>4}  {escape(t.text)}"
            for t in d.tasks
        ],
    )
    qualifications = []
    if d.job_zone:
        z = d.job_zone
        qualifications.append(f"Job Zone {z.level}: {escape(z.name)}")
        for label, text in (("Education", z.education), ("Experience", z.experience)):
            if text:
                qualifications.append(f"[dim]{label}:[/dim] {escape(text)}")
        if z.training:
            qualifications.append(f"[dim]Training:[/dim] {escape(z.training)}")
    reported = (("Most reported education", d.education), ("Related experience", d.experience))
    for label, shares in reported:
        if shares:
            listed = ", ".join(f"{escape(s.label)} ({s.percent:.0f}%)" for s in shares)
            qualifications.append(f"[dim]{label}:[/dim] {listed}")
    section("Qualifications", qualifications)
    workplace = [
        f"{escape(w.label)}: {escape(w.answer)} ({w.percent:.0f}% of workers)"
        if w.answer and w.percent is not None
        else f"{escape(w.label)}: rated {w.mean}"
        for w in d.workplace
    ]
    workplace.append(f"Remote: {escape(d.remote)} [dim](our reading of the ratings)[/dim]")
    section("Where the work happens", workplace)
    section(
        "Common technologies (hot = sought by many employers)",
        [
            f"{escape(t.name)}{' (hot)' if t.hot else ''}"
            + (f" [dim]· {escape(t.category)}[/dim]" if t.category else "")
            for t in d.technologies
        ],
    )
    section("Related occupations", [f"{r.code}  {escape(r.title)}" for r in d.related])
    out.print(f"\n[dim]{escape(d.attribution)}[/dim]")


@app.command("link")
def link(
    interview_id: int = typer.Argument(..., metavar="INTERVIEW_ID"),
    code: str = typer.Argument(..., metavar="CODE", help="O*NET-SOC code, e.g. 15-1252.00."),
) -> None:
    """Link an interview to the career it explores (adds the career to your list)."""
    from coffeechat.careers.service import link_career

    with session_scope() as (session, owner):
        interview = link_career(session, owner=owner, interview_id=interview_id, code=code)
        career = interview.career
        assert career is not None
        typer.echo(f"Interview {interview.id} now explores {career.title} ({career.onet_code}).")


@app.command("list")
def list_(as_json: bool = JSON) -> None:
    """List the careers you are exploring."""
    from coffeechat.careers.service import list_careers

    with session_scope() as (session, owner):
        careers = list_careers(session, owner=owner)
        if as_json:
            emit_json([asdict(c) for c in careers])
            return
        table(
            ["ID", "Code", "Career", "Interviews"],
            [[str(c.id), c.code or "", c.title, str(c.interviews)] for c in careers],
            empty="No careers yet. Find one with: coffeechat careers search TEXT, "
            "then: coffeechat careers link INTERVIEW_ID CODE",
        )
