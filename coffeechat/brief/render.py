"""The one-page prep brief: who, when and where, goal, research, questions, attire, reminders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING
from urllib.parse import quote_plus, urlsplit
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.meetings.attire import advise
from coffeechat.meetings.attire_rules import LEVEL_LABELS
from coffeechat.meetings.pipeline import get_interview
from coffeechat.meetings.when import owner_zone
from coffeechat.models import Interview, Profile, User
from coffeechat.questions.context import interview_facts
from coffeechat.questions.planner import CATEGORY_LABELS
from coffeechat.vocab import FactKind

if TYPE_CHECKING:
    from jinja2 import Environment

REMINDERS = (
    "Arrive 10 to 15 minutes early (join a call a few minutes early to test your setup).",
    "Respect the time you asked for; offer to stop when it is up.",
    "Ask before taking notes, and write up the details straight afterwards.",
    "Ask who else you should talk to, and whether you may use their name.",
    "Thank them within a day, mentioning something specific they said.",
)
_HOW_MET = {
    "alumni": "Fellow alum",
    "referral": "Referred to them",
    "event": "Met at an event",
    "cold": "Cold outreach",
    "linkedin": "Connected on LinkedIn",
}
_VENUES = {
    "office": "At their office",
    "coffee": "Coffee shop",
    "video": "Video call",
    "phone": "Phone call",
    "meal": "Over a meal",
}
_FACTS_PER_KIND = 2
_MAX_FACTS = 10


@dataclass(frozen=True)
class BriefSource:
    number: int
    title: str
    url: str | None


@dataclass(frozen=True)
class BriefFact:
    kind: str
    text: str
    source: int
    confirmed: bool


@dataclass(frozen=True)
class BriefQuestion:
    position: int
    text: str
    category: str
    starred: bool


@dataclass(frozen=True)
class Brief:
    """Everything the page shows, already in words."""

    interview_id: int
    name: str
    role: str
    connection: str
    referred_by: str
    when: str
    venue: str
    place: str
    map_url: str | None
    link: str | None
    goal: str
    facts: tuple[BriefFact, ...]
    sources: tuple[BriefSource, ...]
    questions: tuple[BriefQuestion, ...]
    attire: str
    reminders: tuple[str, ...] = REMINDERS


def build_brief(session: Session, *, owner: User, interview_id: int) -> Brief:
    """Gather the brief of one interview; ``Invalid`` when it has no person."""
    interview = get_interview(session, owner=owner, interview_id=interview_id)
    person = interview.person
    if person is None:
        raise Invalid("interview", f"interview {interview.id} has no person to brief you on")
    organization = interview.organization or person.organization
    role = ", ".join(p for p in (person.title, organization.name if organization else None) if p)
    profile = session.get(Profile, owner.id)
    facts, sources = _research(session, owner, interview)
    return Brief(
        interview_id=interview.id,
        name=person.full_name,
        role=role,
        connection=_connection(person.how_met, profile),
        referred_by=person.referred_by.full_name if person.referred_by else "",
        when=_when(interview, owner_zone(session, owner)),
        venue=_VENUES.get(interview.venue or "", ""),
        place=interview.place or "",
        map_url=_map_url(interview),
        link=_safe_url(interview.link),
        goal=interview.goal,
        facts=facts,
        sources=sources,
        questions=tuple(
            BriefQuestion(q.position, q.text, CATEGORY_LABELS.get(q.category, ""), q.starred)
            for q in interview.questions
            if q.state != "skipped"
        ),
        attire=_attire(session, owner, interview),
    )


def _connection(how_met: str, profile: Profile | None) -> str:
    label = _HOW_MET.get(how_met, "")
    if how_met == "alumni" and profile and profile.schools:
        label += f" ({', '.join(profile.schools)})"
    return label


def _when(interview: Interview, zone: ZoneInfo) -> str:
    if interview.scheduled_at is None:
        return "Not scheduled yet"
    local: datetime = interview.scheduled_at.astimezone(zone)
    text = f"{local:%A} {local.day} {local:%B %Y, %H:%M} ({zone.key})"
    if interview.duration_minutes:
        text += f", {interview.duration_minutes} minutes"
    return text


def _safe_url(url: str | None) -> str | None:
    """Only web links become links; anything else (javascript:, data:) is dropped."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme in ("http", "https") else None


def _map_url(interview: Interview) -> str | None:
    if not interview.place or interview.venue in ("video", "phone"):
        return None
    return "https://www.openstreetmap.org/search?query=" + quote_plus(interview.place)


def _research(
    session: Session, owner: User, interview: Interview
) -> tuple[tuple[BriefFact, ...], tuple[BriefSource, ...]]:
    """A few facts of each kind, confirmed ones first, each pointing at a numbered source."""
    order = {kind.value: i for i, kind in enumerate(FactKind)}
    rows = [f for f in interview_facts(session, owner=owner, interview=interview)]
    rows = [f for f in rows if f.status != "rejected"]
    rows.sort(key=lambda f: (order.get(f.kind, 99), f.status != "confirmed", -f.confidence))
    per_kind: dict[str, int] = {}
    facts: list[BriefFact] = []
    numbers: dict[int, BriefSource] = {}
    for fact in rows:
        if len(facts) >= _MAX_FACTS or per_kind.get(fact.kind, 0) >= _FACTS_PER_KIND:
            continue
        per_kind[fact.kind] = per_kind.get(fact.kind, 0) + 1
        source = numbers.get(fact.source_id)
        if source is None:
            title = fact.source.title or fact.source.url or "Your notes"
            source = BriefSource(len(numbers) + 1, title, _safe_url(fact.source.url))
            numbers[fact.source_id] = source
        label = fact.kind.replace("_", " ").capitalize()
        facts.append(BriefFact(label, fact.shown_text, source.number, fact.status == "confirmed"))
    return tuple(facts), tuple(numbers.values())


def _attire(session: Session, owner: User, interview: Interview) -> str:
    """The attire advice in a sentence or two, and the user's own choice when they made one."""
    advice = advise(session, owner=owner, interview_id=interview.id)
    text = f"{advice.label.capitalize()}: {advice.outfit}"
    if advice.chosen and advice.chosen != advice.level:
        chosen = LEVEL_LABELS.get(advice.chosen, advice.chosen.replace("_", " "))
        text = f"Your choice: {chosen}. The advice was {advice.label}: {advice.outfit}"
    elif advice.chosen:
        text += " (your choice too)"
    return text


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown, for the terminal or a notes app."""
    lines = [f"# Brief: {brief.name}", ""]
    lines += [f"- **Who:** {brief.name}" + (f", {brief.role}" if brief.role else "")]
    if brief.connection:
        lines.append(f"- **How you are connected:** {brief.connection}")
    if brief.referred_by:
        lines.append(f"- **Referred by:** {brief.referred_by}")
    lines.append(f"- **When:** {brief.when}")
    where = ", ".join(p for p in (brief.venue, brief.place) if p)
    if where:
        lines.append(
            f"- **Where:** {where}" + (f" ([map]({brief.map_url}))" if brief.map_url else "")
        )
    if brief.link:
        lines.append(f"- **Link:** {brief.link}")
    lines += ["", "## Your goal", "", brief.goal or "Not written yet.", "", "## Research", ""]
    if brief.facts:
        lines += [f"- *{f.kind}:* {f.text} [{f.source}]" for f in brief.facts]
        lines += [""] + [
            f"[{s.number}] {s.title}" + (f" <{s.url}>" if s.url and s.url != s.title else "")
            for s in brief.sources
        ]
    else:
        lines.append("No research yet.")
    lines += ["", "## Questions", ""]
    if brief.questions:
        lines += [
            f"{q.position}. {q.text}" + (" (must ask)" if q.starred else "")
            for q in brief.questions
        ]
    else:
        lines.append(f"No questions planned yet: coffeechat questions plan {brief.interview_id}")
    lines += ["", "## Attire", "", brief.attire, "", "## Remember", ""]
    lines += [f"- {r}" for r in brief.reminders]
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(
        loader=PackageLoader("coffeechat.brief", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(brief: Brief) -> str:
    """The brief as one printable HTML page; every user text is escaped."""
    css = resources.files("coffeechat.brief").joinpath("brief.css").read_text("utf-8")
    return _environment().get_template("brief.html").render(brief=brief, css=css)
