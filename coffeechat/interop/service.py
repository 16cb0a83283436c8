"""One import pipeline for every format: validate, find duplicates, then write in one go.

Nothing is written until every row has been read and checked. Rows that fail stop the
whole import unless ``skip_bad_rows`` is set. New people go in with bulk inserts (fast
for a 20,000-line export) inside a savepoint, so a failure half-way leaves nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coffeechat.errors import CoffeechatError, Invalid
from coffeechat.interop.bulk import insert_rows, insert_with_ids
from coffeechat.interop.cleaning import Clean, validate
from coffeechat.interop.records import Parsed
from coffeechat.interop.report import ImportReport, OnDuplicate, RowNote
from coffeechat.models import (
    ContactKind,
    ContactPoint,
    HowMet,
    Organization,
    Person,
    PersonTag,
    SearchDocument,
    User,
    utcnow,
)
from coffeechat.network.dedupe import Candidate, DedupeIndex, stored_candidates
from coffeechat.network.merge import join_notes
from coffeechat.network.organizations import name_key
from coffeechat.network.profile import get_profile
from coffeechat.scoping import scope
from coffeechat.search import fold, person_body, write_documents

Progress = Callable[[int, int], None]


class ImportRejected(CoffeechatError):
    """Some rows are bad and the user did not ask to skip them: nothing was imported."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        unit, count = report.unit, len(report.failures)
        lines = [f"  {note.describe(unit)}" for note in report.failures[:20]]
        if count > 20:
            lines.append(f"  … and {count - 20} more (see --json).")
        rows = f"1 {unit} cannot" if count == 1 else f"{count} {unit}s cannot"
        fix = "it" if count == 1 else "them"
        super().__init__(
            f"Nothing was imported from {report.file}: {rows} be read. Fix {fix}, or pass "
            "--skip-bad-rows to import the others.\n" + "\n".join(lines)
        )


@dataclass(frozen=True)
class ImportOptions:
    on_duplicate: OnDuplicate = OnDuplicate.MERGE
    skip_bad_rows: bool = False
    dry_run: bool = False
    threshold: int = 90


def import_parsed(
    session: Session,
    *,
    owner: User,
    parsed: Parsed,
    file: str,
    options: ImportOptions,
    progress: Progress | None = None,
) -> ImportReport:
    """Validate, dedupe and write ``parsed``; the report says what happened to every row."""
    report = ImportReport(
        file=file,
        format=parsed.format,
        dry_run=options.dry_run,
        skips=list(parsed.skips),
        failures=list(parsed.failures),
        notes=list(parsed.notes),
        mapping=dict(parsed.labels) if parsed.format == "csv" else {},
        ignored_columns=list(parsed.ignored_columns),
    )
    total = len(parsed.records) * 2
    region = get_profile(session, owner=owner).country
    clean: list[Clean] = []
    for done, record in enumerate(parsed.records, start=1):
        try:
            clean.append(validate(record, region, parsed.labels))
        except Invalid as error:
            report.failures.append(RowNote(record.row, record.line, error.message, error.field))
        if progress and done % 500 == 0:
            progress(done, total)
    report.failures.sort(key=lambda n: n.row)
    if report.failures and not options.skip_bad_rows and not options.dry_run:
        raise ImportRejected(report)
    added, merges = _plan(session, owner, clean, options, report, progress, total)
    report.added = len(added)
    report.skips.sort(key=lambda n: n.row)
    if options.dry_run:
        return report
    with session.begin_nested():
        _insert_people(session, owner, added)
        _merge_into_stored(session, owner, merges)
    if progress:
        progress(total, total)
    return report


def _plan(
    session: Session,
    owner: User,
    clean: list[Clean],
    options: ImportOptions,
    report: ImportReport,
    progress: Progress | None,
    total: int,
) -> tuple[list[Clean], dict[int, list[Clean]]]:
    """Which records are new, and which stored people the others merge into."""
    if options.on_duplicate is OnDuplicate.NEW:
        return clean, {}
    index = DedupeIndex(options.threshold)
    index.extend(stored_candidates(session, owner=owner))
    added: dict[int, Clean] = {}
    merges: dict[int, list[Clean]] = {}
    for done, record in enumerate(clean, start=len(clean) + 1):
        candidate = Candidate(
            -record.row,
            record.name,
            record.org,
            record.keys(ContactKind.EMAIL),
            record.keys(ContactKind.URL),
        )
        match = index.match(candidate)
        if progress and done % 500 == 0:
            progress(done, total)
        if match is None:
            added[record.row] = record
            # Rows of one file are distinct people unless they share an email or URL:
            # the exporting app already told them apart, so no fuzzy matching among them.
            index.add(candidate, fuzzy=False)
            continue
        into = f"person {match.key}" if match.key > 0 else f"row {-match.key} of this file"
        if options.on_duplicate is OnDuplicate.SKIP:
            reason = f"duplicate of {into} ({match.reason})"
            report.skips.append(RowNote(record.row, record.line, reason))
        elif match.key > 0:
            merges.setdefault(match.key, []).append(record)
            reason = f"merged into {into} ({match.reason}, score {match.score})"
            report.merges.append(RowNote(record.row, record.line, reason, person=match.key))
        else:
            added[-match.key].absorb(record)
            reason = f"merged into {into} ({match.reason}, score {match.score})"
            report.merges.append(RowNote(record.row, record.line, reason))
    return list(added.values()), merges


def _chunks(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _organization_ids(
    session: Session, owner: User, names: Iterable[str]
) -> dict[str, tuple[int, str]]:
    """name key -> (id, stored name), creating the organizations that do not exist yet."""
    wanted: dict[str, str] = {}
    for name in names:
        wanted.setdefault(name_key(name), name)
    statement = scope(
        select(Organization.name_key, Organization.id, Organization.name), Organization, owner
    )
    known = {key: (oid, name) for key, oid, name in session.execute(statement)}
    now = utcnow()
    missing: list[dict[str, Any]] = [
        {
            "owner_id": owner.id,
            "name": name,
            "name_key": key,
            "aliases": [],
            "notes": "",
            "created_at": now,
            "updated_at": now,
        }
        for key, name in wanted.items()
        if key not in known
    ]
    if missing:
        ids = insert_with_ids(session, Organization, missing)
        known.update(
            (row["name_key"], (oid, row["name"])) for row, oid in zip(missing, ids, strict=True)
        )
        # Written without the ORM, so its flush hook never saw them: index them here.
        for chunk in _chunks(ids):
            write_documents(session.connection(), "organization", set(chunk))
    return known


def _insert_people(session: Session, owner: User, records: list[Clean]) -> None:
    if not records:
        return
    orgs = _organization_ids(session, owner, [r.org for r in records if r.org])
    now = utcnow()
    rows = [
        {
            "owner_id": owner.id,
            "full_name": r.name,
            "title": r.title,
            "organization_id": orgs[name_key(r.org)][0] if r.org else None,
            "location": r.location,
            "how_met": r.how_met,
            "referred_by_id": None,
            "notes": r.notes,
            "connected_on": r.connected_on,
            "keep_in_touch_days": None,
            "created_at": now,
            "updated_at": now,
        }
        for r in records
    ]
    ids = insert_with_ids(session, Person, rows)
    contacts = [
        {
            "owner_id": owner.id,
            "person_id": pid,
            "kind": kind,
            "value": value,
            "value_key": key,
            "label": label,
        }
        for pid, r in zip(ids, records, strict=True)
        for kind, values in r.contacts.items()
        for value, key, label in values
    ]
    if contacts:
        insert_rows(session, ContactPoint, contacts)
    tags = [
        {"person_id": pid, "tag": tag, "owner_id": owner.id}
        for pid, r in zip(ids, records, strict=True)
        for tag in r.tags
    ]
    if tags:
        insert_rows(session, PersonTag, tags)
    # The search documents, built from what is in hand instead of reading it all back.
    documents = []
    for pid, r in zip(ids, records, strict=True):
        org = orgs[name_key(r.org)][1] if r.org else None
        body = person_body(r.title, org, r.location, r.tags, r.notes)
        documents.append(
            {
                "owner_id": owner.id,
                "kind": "person",
                "ref_id": pid,
                "title": r.name,
                "body": body,
                "folded": fold(f"{r.name}\n{body}"),
            }
        )
    insert_rows(session, SearchDocument, documents)


def _merge_into_stored(session: Session, owner: User, merges: dict[int, list[Clean]]) -> None:
    if not merges:
        return
    # Only people without an organization take one from the file: no orphans are created.
    without_org: set[int] = set()
    for chunk in _chunks(sorted(merges)):
        statement = scope(select(Person.id), Person, owner).where(
            Person.id.in_(chunk), Person.organization_id.is_(None)
        )
        without_org.update(session.scalars(statement))
    org_names = [r.org for pid in without_org for r in merges[pid] if r.org]
    orgs = _organization_ids(session, owner, org_names)
    for chunk in _chunks(sorted(merges)):
        people = session.scalars(
            scope(select(Person), Person, owner)
            .where(Person.id.in_(chunk))
            .options(selectinload(Person.contacts), selectinload(Person.tags))
        )
        for person in people:
            for record in merges[person.id]:
                _absorb_into(person, record, owner, orgs)
        # A flush per chunk keeps the search index's "IN (...)" lists short.
        session.flush()


def _absorb_into(
    person: Person, record: Clean, owner: User, orgs: dict[str, tuple[int, str]]
) -> None:
    """Fill what ``person`` lacks from ``record``, touching nothing that stays the same.

    Re-importing last month's export merges every row; leaving unchanged people clean
    keeps that flush (and the search index) from redoing thousands of rows.
    """
    changes = {
        "title": person.title or record.title,
        "organization_id": person.organization_id
        or (orgs[name_key(record.org)][0] if record.org else None),
        "location": person.location or record.location,
        "connected_on": person.connected_on or record.connected_on,
        "how_met": record.how_met if person.how_met == HowMet.OTHER.value else person.how_met,
        "notes": join_notes(person.notes, record.notes),
    }
    for name, value in changes.items():
        if getattr(person, name) != value:
            setattr(person, name, value)
    known = {(c.kind, c.value_key) for c in person.contacts}
    for kind, values in record.contacts.items():
        for value, key, label in values:
            if (kind, key) not in known:
                known.add((kind, key))
                person.contacts.append(
                    ContactPoint(
                        owner_id=owner.id, kind=kind, value=value, value_key=key, label=label
                    )
                )
    tags = set(person.tag_names)
    new_tags = [PersonTag(tag=t, owner_id=owner.id) for t in record.tags if t not in tags]
    if new_tags:
        person.tags.extend(new_tags)
