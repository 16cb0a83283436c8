"""Everything of one owner out to a JSON backup, and a backup read back and checked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import ValidationError
from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.interop.backup_format import (
    FORMAT,
    VERSION,
    BackupV1,
    CareerV1,
    ContactV1,
    EmploymentV1,
    FactV1,
    InterviewV1,
    MessageV1,
    OrganizationV1,
    PersonV1,
    ProfileV1,
    QuestionV1,
    SourceV1,
    TargetV1,
)
from coffeechat.models import (
    Base,
    Career,
    Employment,
    Fact,
    Interview,
    Message,
    Organization,
    Person,
    Profile,
    Source,
    Target,
    User,
    utcnow,
)
from coffeechat.scoping import owned

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
    targets = _rows(session, Target, owner)
    employments = _rows(session, Employment, owner)
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
        targets=[
            TargetV1(
                ref=position,
                organization=ref(org_ref, t.organization_id),
                career=ref(career_ref, t.career_id),
                **_columns(t, "motivation postings notes created_at"),
            )
            for position, t in enumerate(targets, start=1)
        ],
        employments=[
            EmploymentV1(
                ref=position,
                person=person_ref[e.person_id],
                organization=org_ref[e.organization_id],
                **_columns(e, "title start_year end_year created_at"),
            )
            for position, e in enumerate(employments, start=1)
        ],
    )


def _columns(row: Any, names: str) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names.split()}


def backup_json(session: Session, *, owner: User) -> str:
    return export_backup(session, owner=owner).model_dump_json(indent=2) + "\n"


def parse_backup(text: str) -> BackupV1:
    """A validated backup; Invalid naming the first problems (path and message) otherwise."""
    import json

    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise Invalid(
            "backup", f"not JSON: line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    try:
        # Databases refuse NUL characters and half surrogate pairs; our exports never hold them.
        dumped = json.dumps(data, ensure_ascii=False)
        dumped.encode("utf-8")
        if "\\u0000" in dumped:  # json writes NUL as this escape
            raise ValueError
    except (ValueError, UnicodeEncodeError):
        raise Invalid(
            "backup", "holds a NUL character or broken Unicode; the file is damaged"
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
        "targets": backup.targets,
        "employments": backup.employments,
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
