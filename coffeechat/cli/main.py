"""The ``coffeechat`` command: one Typer app, one sub-app per command group."""

from __future__ import annotations

import typer

from coffeechat import __version__
from coffeechat.cli import (
    agenda,
    attire,
    brief,
    calendar,
    careers,
    demo,
    export,
    imports,
    interview_log,
    interview_schedule,
    interviews,
    orgs,
    outreach,
    paths,
    people,
    people_merge,
    profile,
    questions,
    readiness,
    research,
    search,
    serve,
    stats,
    targets,
    thanks,
)
from coffeechat.cli._common import STATE

app = typer.Typer(
    name="coffeechat",
    help="Prepare, hold and follow up informational interviews; grow your network.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"coffeechat {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    demo_database: bool = typer.Option(
        False, "--demo", help="Use the demo database that `coffeechat demo` fills."
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    STATE.demo = demo_database


app.add_typer(people.app, name="people", help="People in your network.")
app.add_typer(orgs.app, name="orgs", help="Organizations.")
app.add_typer(interviews.app, name="interviews", help="Informational interviews.")
app.add_typer(
    imports.app, name="import", help="Import people from LinkedIn, vCard, CSV or a backup."
)
app.add_typer(
    export.app, name="export", help="Export your data: vCard, CSV, JSON backup, calendar."
)
interviews.app.command("schedule")(interview_schedule.schedule)
export.app.command("ics")(calendar.export_ics)
app.command("attire")(attire.attire)
app.add_typer(outreach.app, name="outreach", help="Ask for a meeting; record sent and replies.")
app.add_typer(thanks.app, name="thanks", help="Thank-you, update and keep-in-touch notes.")
interviews.app.command("log")(interview_log.log)
app.command("agenda")(agenda.agenda)
app.add_typer(questions.app, name="questions", help="Plan, edit and lint interview questions.")
app.command("brief")(brief.brief)
app.add_typer(careers.app, name="careers", help="Careers from O*NET: search, dossiers, links.")
interviews.app.command("readiness")(readiness.readiness)
app.add_typer(
    research.app, name="research", help="Research organizations and people: pages in, facts out."
)
people.app.command("duplicates")(people_merge.duplicates)
people.app.command("merge")(people_merge.merge)
app.command("backup")(export.backup)
app.add_typer(targets.app, name="targets", help="Your target list, scored the LAMP way.")
app.command("paths")(paths.paths)
app.command("stats")(stats.stats)
app.command("me")(profile.me)
app.command("search")(search.search)
app.command("demo")(demo.demo)
app.command("serve")(serve.serve)


def main() -> None:
    app()
