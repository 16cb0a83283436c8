"""Everything of one owner out to a JSON backup, and back into an empty database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import ValidationError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from coffeechat.errors import Conflict, Invalid
from coffeechat.interop.backup_format import (
    FORMAT,
    VERSION,
    BackupV1,
    CareerV1,
    ContactV1,
    FactV1,
    InterviewV1,
    MessageV1,
    OrganizationV1,
    PersonV1,
    ProfileV1,
    QuestionV1,
    SourceV1,
)
from coffeechat.models import (
    Base,
    Career,
    ContactPoint,
    Fact,
    Interview,
    Message,
    Organization,
    Person,
    PersonTag,
    PlannedQuestion,
    Profile,
    Source,
    User,
    utcnow,
)
from coffeechat.scoping import owned, scope

M = TypeVar("M", bound=Base)


def _rows(session: Session, model: type[M], owner: User) -> list[M]:
    return list(session.scalars(owned(model, owner).order_by(model.id)))  # type: ignore[attr-defined]


def _refs(rows: Sequence[Any]) -> dict[int, int]:
    return {row.id: position for position, row in enumerate(rows, start=1)}


def export_backup(session: Session, *, owner: User) -> BackupV1:
    """The owner's whole network, interviews and research as a version-1 backup."""
    orgs = _rows(session, Organization, owner)
    careers = _rows(session, Career, owner)
    people = _rows(session, Person, owner)
    interviews = _rows(session, Interview, owner)
    sources = _rows(session, Source, owner)
    facts = _rows(session, Fact, owner)
    messages = _rows(session, Message, owner)
    org_ref, career_ref, person_ref = _refs(orgs), _refs(careers), _refs(people)
    interview_ref, source_ref = _refs(interviews), _refs(sources)

    def ref(refs: dict[int, int], key: int | None) -> int | None:
        return None if key is None else refs[key]

    profile = session.get(Profile, owner.id)
    return BackupV1(
        format=FORMAT,
        version=VERSION,
        exported_at=utcnow(),
        profile=profile
        and ProfileV1(
            name=profile.name,
            email=profile.email,
            schools=list(profile.schools),
            employers=list(profile.employers),
            fields=list(profile.fields),
            country=profile.country,
            timezone=profile.timezone,
        ),
        organizations=[
            OrganizationV1(
                ref=org_ref[o.id],
                **_columns(o, "name aliases website domain industry size location notes"),
                created_at=o.created_at,
                updated_at=o.updated_at,
            )
            for o in orgs
        ],
        careers=[
            CareerV1(ref=career_ref[c.id], **_columns(c, "onet_code title notes created_at"))
            for c in careers
        ],
        people=[
            PersonV1(
                ref=person_ref[p.id],
                name=p.full_name,
                organization=ref(org_ref, p.organization_id),
                referred_by=ref(person_ref, p.referred_by_id),
                contacts=[
                    ContactV1(kind=c.kind, value=c.value, key=c.value_key, label=c.label)
                    for c in p.contacts
                ],
                tags=p.tag_names,
                **_columns(
                    p,
                    "title location how_met notes connected_on keep_in_touch_days "
                    "created_at updated_at",
                ),
            )
            for p in people
        ],
        interviews=[
            InterviewV1(
                ref=interview_ref[i.id],
                person=ref(person_ref, i.person_id),
                organization=ref(org_ref, i.organization_id),
                career=ref(career_ref, i.career_id),
                takeaways=list(i.takeaways or []),
                questions=[
                    QuestionV1(
                        **_columns(q, "position bank_id text category stage why starred state")
                    )
                    for q in i.questions
                ],
                **_columns(
                    i,
                    "focus stage goal requested_at replied_at scheduled_at duration_minutes "
                    "held_at thanked_at closed_at stage_changed_at venue place link notes "
                    "attire created_at updated_at",
                ),
            )
            for i in interviews
        ],
        sources=[
            SourceV1(
                ref=source_ref[s.id],
                organization=ref(org_ref, s.organization_id),
                person=ref(person_ref, s.person_id),
                career=ref(career_ref, s.career_id),
                **_columns(s, "url content_hash media_type title text fetched_at"),
            )
            for s in sources
        ],
        facts=[
            FactV1(
                ref=position,
                source=source_ref[f.source_id],
                organization=ref(org_ref, f.organization_id),
                person=ref(person_ref, f.person_id),
                career=ref(career_ref, f.career_id),
                **_columns(f, "kind text start end confidence status edited_text created_at"),
            )
            for position, f in enumerate(facts, start=1)
        ],
        messages=[
            MessageV1(
                ref=position,
                interview=ref(interview_ref, m.interview_id),
                person=ref(person_ref, m.person_id),
                **_columns(m, "kind subject body due_at sent_at replied_at created_at"),
            )
            for position, m in enumerate(messages, start=1)
        ],
    )


def _columns(row: Any, names: str) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names.split()}


def backup_json(session: Session, *, owner: User) -> str:
    return export_backup(session, owner=owner).model_dump_json(indent=2) + "\n"


@dataclass(frozen=True)
class Restored:
    """How many rows of each kind a restore wrote."""

    counts: dict[str, int]


def parse_backup(text: str) -> BackupV1:
    """A validated backup; Invalid naming the first problems (path and message) otherwise."""
    import json

    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise Invalid(
            "backup", f"not JSON: line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Invalid("backup", 'not a Coffeechat backup (no "format": "coffeechat-backup")')
    if data.get("version") != VERSION:
        raise Invalid(
            "backup",
            f"version {data.get('version')!r} is not supported; this Coffeechat reads version "
            f"{VERSION}",
        )
    try:
        backup = BackupV1.model_validate(data)
    except ValidationError as error:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()[:5]]
        more = len(error.errors()) - len(problems)
        raise Invalid(
            "backup", "; ".join(problems) + (f" (and {more} more)" if more > 0 else "")
        ) from None
    _check_refs(backup)
    return backup


def _check_refs(backup: BackupV1) -> None:
    sizes = {
        "organization": len(backup.organizations),
        "career": len(backup.careers),
        "person": len(backup.people),
        "interview": len(backup.interviews),
        "source": len(backup.sources),
    }
    lists: dict[str, Sequence[Any]] = {
        "organizations": backup.organizations,
        "careers": backup.careers,
        "people": backup.people,
        "interviews": backup.interviews,
        "sources": backup.sources,
        "facts": backup.facts,
        "messages": backup.messages,
    }
    links = {
        "organization": "organization",
        "career": "career",
        "person": "person",
        "referred_by": "person",
        "interview": "interview",
        "source": "source",
    }
    for name, rows in lists.items():
        for position, row in enumerate(rows, start=1):
            if row.ref != position:
                raise Invalid("backup", f"{name}[{position - 1}].ref should be {position}")
            for field, kind in links.items():
                value = getattr(row, field, None)
                if value is not None and not 1 <= value <= sizes[kind]:
                    raise Invalid(
                        "backup", f"{name}[{position - 1}].{field}: no {kind} with ref {value}"
                    )


_OWNED = (Organization, Career, Person, Interview, Source, Fact, Message)


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
                owner_id=owner.id, name_key=_name_key(o.name), **o.model_dump(exclude={"ref"})
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


def _name_key(name: str) -> str:
    from coffeechat.network.organizations import name_key

    return name_key(name)
