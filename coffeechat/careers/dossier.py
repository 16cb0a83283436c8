"""A career dossier: what an occupation is, takes, and looks like day to day, from O*NET."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from coffeechat.careers.context import TOPICS, topic_for
from coffeechat.errors import Conflict, Invalid, NotFound
from coffeechat.models import (
    OnetEducation,
    OnetImport,
    OnetJobZone,
    OnetJobZoneLevel,
    OnetOccupation,
    OnetRelated,
    OnetTask,
    OnetTechnology,
    OnetTitle,
    OnetWorkContext,
)

ATTRIBUTION = (
    "Occupation data: O*NET database by the U.S. Department of Labor, Employment and Training "
    "Administration (USDOL/ETA), used under the CC BY 4.0 license (onetcenter.org). "
    "Coffeechat has summarised it; USDOL/ETA has not approved or endorsed these summaries."
)
_CODE = re.compile(r"\d{2}-\d{4}\.\d{2}\Z")
_SHORT_CODE = re.compile(r"\d{2}-\d{4}\Z")
TASK_LIMIT = 8
TECHNOLOGY_LIMIT = 10
RELATED_LIMIT = 10
TITLE_SAMPLE = 8
# How often a setting must be reported, on O*NET's 1-5 scale, before we mention it.
_SETTING_FLOOR = 2.5


@dataclass(frozen=True)
class Task:
    text: str
    importance: float | None
    core: bool


@dataclass(frozen=True)
class JobZone:
    level: int
    name: str
    experience: str
    education: str
    training: str
    examples: str


@dataclass(frozen=True)
class Share:
    label: str
    percent: float


@dataclass(frozen=True)
class WorkplaceItem:
    topic: str
    group: str
    label: str
    # The most reported answer and the share of workers giving it, when O*NET has it.
    answer: str | None
    percent: float | None
    # Mean rating on O*NET's scale for the element (1-5 for most, 1-3 for hours/schedule).
    mean: float | None


@dataclass(frozen=True)
class Technology:
    name: str
    category: str | None
    hot: bool
    in_demand: bool


@dataclass(frozen=True)
class RelatedOccupation:
    code: str
    title: str
    tier: str


@dataclass(frozen=True)
class Dossier:
    code: str
    title: str
    description: str
    alternate_titles: tuple[str, ...]
    tasks: tuple[Task, ...]
    job_zone: JobZone | None
    education: tuple[Share, ...]
    experience: tuple[Share, ...]
    workplace: tuple[WorkplaceItem, ...]
    technologies: tuple[Technology, ...]
    related: tuple[RelatedOccupation, ...]
    # Our own reading of the work context; O*NET has no remote-work rating.
    remote: str
    imported_at: datetime | None
    attribution: str = ATTRIBUTION


def parse_code(value: str) -> str:
    """An O*NET-SOC code; "15-1252" means the base occupation "15-1252.00"."""
    code = value.strip()
    if _SHORT_CODE.match(code):
        code += ".00"
    if not _CODE.match(code):
        raise Invalid("code", f"{value!r} is not an O*NET-SOC code like 15-1252.00.")
    return code


def occupation(session: Session, code: str) -> OnetOccupation:
    """The stored occupation for ``code``, or a clear error saying what to do."""
    code = parse_code(code)
    found = session.get(OnetOccupation, code)
    if found is not None:
        return found
    if session.scalar(select(OnetOccupation.code).limit(1)) is None:
        raise Conflict("O*NET data is not loaded yet; run: coffeechat careers import-onet")
    raise NotFound("O*NET occupation", code)


def _tasks(session: Session, code: str) -> tuple[Task, ...]:
    rows = session.scalars(select(OnetTask).where(OnetTask.code == code)).all()
    # Most important first; unrated tasks after rated ones, core before supplemental.
    ordered = sorted(
        rows,
        key=lambda t: (t.importance is None, -(t.importance or 0), t.task_type != "Core", t.id),
    )
    return tuple(Task(t.text, t.importance, t.task_type == "Core") for t in ordered[:TASK_LIMIT])


def _job_zone(session: Session, code: str) -> JobZone | None:
    zone = session.scalar(select(OnetJobZone.job_zone).where(OnetJobZone.code == code))
    if zone is None:
        return None
    level = session.get(OnetJobZoneLevel, zone)
    if level is None:
        return JobZone(zone, f"Job Zone {zone}", "", "", "", "")
    return JobZone(
        zone, level.name, level.experience, level.education, level.training, level.examples
    )


def _shares(session: Session, code: str, scale: str) -> tuple[Share, ...]:
    rows = session.scalars(
        select(OnetEducation)
        .where(OnetEducation.code == code, OnetEducation.scale == scale)
        .order_by(OnetEducation.percent.desc(), OnetEducation.category)
    ).all()
    return tuple(Share(r.label, round(r.percent, 1)) for r in rows if r.percent >= 5)[:4]


def _workplace(session: Session, code: str) -> tuple[WorkplaceItem, ...]:
    rows = session.scalars(select(OnetWorkContext).where(OnetWorkContext.code == code)).all()
    means: dict[str, float] = {}
    answers: defaultdict[str, list[OnetWorkContext]] = defaultdict(list)
    for row in rows:
        topic = topic_for(row.element_name)
        if topic is None:
            continue
        if row.category is None:
            means[topic.key] = row.value
        else:
            answers[topic.key].append(row)
    items = []
    for topic in TOPICS:
        if topic.key not in means and topic.key not in answers:
            continue
        mean = means.get(topic.key)
        if topic.group == "setting" and mean is not None and mean < _SETTING_FLOOR:
            continue
        top = max(answers[topic.key], key=lambda r: r.value, default=None)
        items.append(
            WorkplaceItem(
                topic=topic.key,
                group=topic.group,
                label=topic.label,
                answer=top.label if top is not None else None,
                percent=round(top.value, 1) if top is not None else None,
                mean=None if mean is None else round(mean, 2),
            )
        )
    return tuple(items)


def remote_hint(workplace: tuple[WorkplaceItem, ...]) -> str:
    """Whether the work looks tied to a place, inferred from the work-context ratings."""
    mean = {item.topic: item.mean or 0.0 for item in workplace}
    if not mean:
        return "O*NET has no work-context ratings for this occupation."
    on_site = ("outdoors", "outdoors_cover", "open_vehicle", "vehicle", "indoors_raw")
    if any(mean.get(key, 0) >= 3.5 for key in on_site) or mean.get("proximity", 0) >= 3.5:
        return "Mostly on site: the work is tied to a place, equipment or people in person."
    if mean.get("indoors", 0) >= 4 and mean.get("email", 0) >= 4 and mean.get("sitting", 0) >= 3.5:
        return "Desk work done largely by e-mail and computer: often possible remote or hybrid."
    return "Not clear from O*NET: ask how much of the work can be done remotely."


def _technologies(session: Session, code: str) -> tuple[Technology, ...]:
    rows = session.scalars(
        select(OnetTechnology)
        .where(OnetTechnology.code == code)
        .order_by(OnetTechnology.hot.desc(), OnetTechnology.in_demand.desc(), OnetTechnology.name)
        .limit(TECHNOLOGY_LIMIT)
    ).all()
    return tuple(Technology(r.name, r.category, r.hot, r.in_demand) for r in rows)


def _related(session: Session, code: str) -> tuple[RelatedOccupation, ...]:
    rows = session.execute(
        select(OnetRelated.related_code, OnetOccupation.title, OnetRelated.tier)
        .join(OnetOccupation, OnetOccupation.code == OnetRelated.related_code)
        .where(OnetRelated.code == code)
        .order_by(OnetRelated.rank)
        .limit(RELATED_LIMIT)
    ).all()
    return tuple(RelatedOccupation(c, title, tier) for c, title, tier in rows)


def career_dossier(session: Session, *, code: str) -> Dossier:
    """Everything the O*NET data says about one occupation, ready to read before a talk."""
    found = occupation(session, code)
    titles = session.scalars(
        select(OnetTitle.title)
        .where(OnetTitle.code == found.code)
        .order_by(OnetTitle.id)
        .limit(TITLE_SAMPLE)
    ).all()
    imported_at = session.scalar(
        select(OnetImport.imported_at).order_by(OnetImport.id.desc()).limit(1)
    )
    workplace = _workplace(session, found.code)
    return Dossier(
        code=found.code,
        title=found.title,
        description=found.description,
        alternate_titles=tuple(titles),
        tasks=_tasks(session, found.code),
        job_zone=_job_zone(session, found.code),
        education=_shares(session, found.code, "RL"),
        experience=_shares(session, found.code, "RW"),
        workplace=workplace,
        technologies=_technologies(session, found.code),
        related=_related(session, found.code),
        remote=remote_hint(workplace),
        imported_at=imported_at,
    )
