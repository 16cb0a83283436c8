"""Restoring a backup: every row written again for an owner whose network is empty."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from coffeechat.errors import Conflict
from coffeechat.interop.backup_format import BackupV1
from coffeechat.models import (
    Base,
    Career,
    ContactPoint,
    Employment,
    Fact,
    Interview,
    Message,
    Organization,
    Person,
    PersonTag,
    PlannedQuestion,
    Profile,
    Source,
    Target,
    User,
)
from coffeechat.network.organizations import name_key
from coffeechat.scoping import scope

M = TypeVar("M", bound=Base)


@dataclass(frozen=True)
class Restored:
    """How many rows of each kind a restore wrote."""

    counts: dict[str, int]


_OWNED = (Organization, Career, Person, Interview, Source, Fact, Message, Target, Employment)


def restore_backup(session: Session, *, owner: User, backup: BackupV1) -> Restored:
    """Write ``backup`` for ``owner``, whose network must be empty."""
    for model in _OWNED:
        count = session.scalar(scope(select(func.count()).select_from(model), model, owner))
        if count:
            raise Conflict(
                f"import json restores into an empty database, and this one already holds "
                f"{count} {model.__tablename__}. Restore into a new COFFEECHAT_HOME "
                "(or a new database)."
            )
    with session.begin_nested():
        _restore(session, owner, backup)
    return Restored(
        {
            "organizations": len(backup.organizations),
            "careers": len(backup.careers),
            "people": len(backup.people),
            "interviews": len(backup.interviews),
            "sources": len(backup.sources),
            "facts": len(backup.facts),
            "messages": len(backup.messages),
            "targets": len(backup.targets),
            "employments": len(backup.employments),
        }
    )


def _add_all(session: Session, rows: list[M]) -> list[M]:
    session.add_all(rows)
    session.flush()
    return rows


def _restore(session: Session, owner: User, backup: BackupV1) -> None:
    if backup.profile is not None:
        profile = session.get(Profile, owner.id) or Profile(owner_id=owner.id)
        for name, value in backup.profile.model_dump().items():
            setattr(profile, name, value)
        session.add(profile)
    orgs = _add_all(
        session,
        [
            Organization(
                owner_id=owner.id, name_key=name_key(o.name), **o.model_dump(exclude={"ref"})
            )
            for o in backup.organizations
        ],
    )
    careers = _add_all(
        session,
        [Career(owner_id=owner.id, **c.model_dump(exclude={"ref"})) for c in backup.careers],
    )

    def pick(rows: Sequence[Any], ref: int | None) -> int | None:
        return None if ref is None else rows[ref - 1].id

    people = _add_all(
        session,
        [
            Person(
                owner_id=owner.id,
                full_name=p.name,
                organization_id=pick(orgs, p.organization),
                contacts=[
                    ContactPoint(
                        owner_id=owner.id,
                        kind=c.kind,
                        value=c.value,
                        value_key=c.key,
                        label=c.label,
                    )
                    for c in p.contacts
                ],
                tags=[PersonTag(owner_id=owner.id, tag=t) for t in p.tags],
                **p.model_dump(
                    exclude={"ref", "name", "organization", "referred_by", "contacts", "tags"}
                ),
            )
            for p in backup.people
        ],
    )
    for person, data in zip(people, backup.people, strict=True):
        if data.referred_by is not None:
            # A plain UPDATE naming updated_at, so "on update" does not stamp a new time.
            session.execute(
                update(Person)
                .where(Person.id == person.id)
                .values(referred_by_id=pick(people, data.referred_by), updated_at=data.updated_at)
            )
    interviews = _add_all(
        session,
        [
            Interview(
                owner_id=owner.id,
                person_id=pick(people, i.person),
                organization_id=pick(orgs, i.organization),
                career_id=pick(careers, i.career),
                questions=[
                    PlannedQuestion(owner_id=owner.id, **q.model_dump()) for q in i.questions
                ],
                **i.model_dump(exclude={"ref", "person", "organization", "career", "questions"}),
            )
            for i in backup.interviews
        ],
    )
    links = {"organization", "person", "career"}
    sources = _add_all(
        session,
        [
            Source(
                owner_id=owner.id,
                organization_id=pick(orgs, s.organization),
                person_id=pick(people, s.person),
                career_id=pick(careers, s.career),
                **s.model_dump(exclude={"ref"} | links),
            )
            for s in backup.sources
        ],
    )
    _add_all(
        session,
        [
            Fact(
                owner_id=owner.id,
                source_id=pick(sources, f.source),
                organization_id=pick(orgs, f.organization),
                person_id=pick(people, f.person),
                career_id=pick(careers, f.career),
                **f.model_dump(exclude={"ref", "source"} | links),
            )
            for f in backup.facts
        ],
    )
    _add_all(
        session,
        [
            Message(
                owner_id=owner.id,
                interview_id=pick(interviews, m.interview),
                person_id=pick(people, m.person),
                **m.model_dump(exclude={"ref", "interview", "person"}),
            )
            for m in backup.messages
        ],
    )
    _add_all(
        session,
        [
            Target(
                owner_id=owner.id,
                organization_id=pick(orgs, t.organization),
                career_id=pick(careers, t.career),
                **t.model_dump(exclude={"ref", "organization", "career"}),
            )
            for t in backup.targets
        ],
    )
    _add_all(
        session,
        [
            Employment(
                owner_id=owner.id,
                person_id=pick(people, e.person),
                organization_id=pick(orgs, e.organization),
                **e.model_dump(exclude={"ref", "person", "organization"}),
            )
            for e in backup.employments
        ],
    )
