"""``coffeechat demo``: a sample network in its own database, and a short tour."""

from __future__ import annotations

from coffeechat.cli._common import console

TOUR = """
[bold]A short tour[/bold] (every command takes --demo to use the demo database):

  coffeechat --demo people list                 the network: {people} people
  coffeechat --demo people show 1               a contact, whom they referred, their interviews
  coffeechat --demo orgs list                   {organizations} organizations
  coffeechat --demo interviews list             {interviews} interviews, one or more in every stage
  coffeechat --demo interviews show 1           notes and takeaways of a held interview
  coffeechat --demo search analy                prefix search over people, notes and research
  coffeechat --demo me                          the profile openers and holidays come from

Your own network lives in a separate database; start it with:

  coffeechat me --name "Your Name" --school "Your School"
  coffeechat people add "Ada Lovelace" --org "Analytical Engines" --how-met alumni
"""


def demo() -> None:
    """Create (or reset) the demo database with a sample network, then show a tour."""
    from coffeechat.config import get_settings
    from coffeechat.db import local_owner, open_database
    from coffeechat.demo import build_demo

    path = get_settings().demo_database_path
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    database = open_database(f"sqlite:///{path}")
    try:
        with database.session() as session:
            summary = build_demo(session, owner=local_owner(session))
    finally:
        database.engine.dispose()
    console().print(f"Demo database ready at {path}.")
    console().print(
        TOUR.format(
            people=summary.people,
            organizations=summary.organizations,
            interviews=summary.interviews,
        )
    )
