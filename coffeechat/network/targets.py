"""The target list: organizations and careers to explore, scored the LAMP way.

Dalton's order: Advocacy (someone there who will help: derived from the network),
Motivation (0–3, the user's own interest) and Postings (1–3, current openings in the
user's field). Advocacy is never typed: it comes from who works there and how they
have answered.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coffeechat.errors import Conflict, Invalid
from coffeechat.models import Career, Interview, Organization, Person, Target, User
from coffeechat.network.organizations import (
    find_or_create_organization,
    find_organization,
    name_key,
)
from coffeechat.network.patterns import histories
from coffeechat.network.warmth import Contact, alumni, contacts, user_schools
from coffeechat.scoping import get_owned, owned, scope

MOTIVATION_RANGE = range(0, 4)
POSTINGS_RANGE = range(1, 4)
_NOTES_LIMIT = 2000


@dataclass(frozen=True)
class ScoredTarget:
    target: Target
    name: str
    kind: str  # "organization" or "career"
    # Advocates met the user or answered before; alumni share a school with the user.
    advocates: tuple[Contact, ...]
    alumni: tuple[Contact, ...]

    @property
    def advocacy(self) -> int:
        """2 with an advocate there, 1 with only alumni, 0 with neither."""
        return 2 if self.advocates else 1 if self.alumni else 0

    @property
    def scored(self) -> bool:
        return self.target.postings is not None

    def sort_key(self) -> tuple[int, int, int, str]:
        return (
            -self.advocacy,
            -self.target.motivation,
            -(self.target.postings or 0),
            self.name.casefold(),
        )


def check_motivation(value: int) -> int:
    if value not in MOTIVATION_RANGE:
        raise Invalid("motivation", f"must be 0, 1, 2 or 3 (got {value})")
    return value


def check_postings(value: int) -> int:
    if value not in POSTINGS_RANGE:
        raise Invalid("postings", f"must be 1, 2 or 3 (got {value})")
    return value


def _check_notes(notes: str) -> str:
    if len(notes) > _NOTES_LIMIT:
        raise Invalid("notes", f"must be at most {_NOTES_LIMIT:,} characters")
    return notes.strip()


def find_organization_ref(session: Session, *, owner: User, ref: str) -> Organization:
    """An organization by id, name or alias (any case); a helpful Invalid otherwise."""
    cleaned = " ".join(ref.split())
    if not cleaned:
        raise Invalid("organization", "must not be empty")
    found, guess = _lookup(session, owner, cleaned)
    if found is None:
        hint = f"; did you mean {guess!r}?" if guess else ""
        raise Invalid("organization", f"no organization named {cleaned!r}{hint}")
    return found


def _lookup(session: Session, owner: User, cleaned: str) -> tuple[Organization | None, str | None]:
    """The organization ``cleaned`` names, or None with the closest known name."""
    if cleaned.isdigit():
        return get_owned(session, Organization, int(cleaned), owner, "organization"), None
    exact = find_organization(session, owner=owner, name=cleaned)
    if exact is not None:
        return exact, None
    key = name_key(cleaned)
    rows = list(session.scalars(owned(Organization, owner)))
    for organization in rows:
        if key in {name_key(alias) for alias in organization.aliases}:
            return organization, None
    close = difflib.get_close_matches(key, [o.name_key for o in rows], n=1, cutoff=0.75)
    return None, next((o.name for o in rows if close and o.name_key == close[0]), None)


def _find_career(session: Session, owner: User, ref: str, create: bool) -> Career:
    cleaned = " ".join(ref.split())
    if not cleaned:
        raise Invalid("career", "must not be empty")
    for career in session.scalars(owned(Career, owner)):
        if cleaned.casefold() in {career.title.casefold(), (career.onet_code or "").casefold()}:
            return career
    if not create:
        raise Invalid("career", f"no career called {cleaned!r}")
    career = Career(owner_id=owner.id, title=cleaned, notes="")
    session.add(career)
    session.flush()
    return career


def _target_of(session: Session, owner: User, subject: Organization | Career) -> Target | None:
    column = Target.organization_id if isinstance(subject, Organization) else Target.career_id
    found: Target | None = session.scalars(owned(Target, owner).where(column == subject.id)).first()
    return found


def _subject(
    session: Session, owner: User, ref: str, *, career: bool, create: bool = False
) -> Organization | Career:
    if career:
        return _find_career(session, owner, ref, create)
    if create and not ref.strip().isdigit():
        try:
            return find_organization_ref(session, owner=owner, ref=ref)
        except Invalid:
            return find_or_create_organization(session, owner=owner, name=ref)
    return find_organization_ref(session, owner=owner, ref=ref)


def add_target(
    session: Session,
    *,
    owner: User,
    ref: str,
    career: bool = False,
    create: bool = False,
    motivation: int | None = None,
    postings: int | None = None,
    notes: str = "",
) -> Target:
    """Put an organization (or career) on the target list; ``create`` adds an unknown one."""
    chosen_motivation = check_motivation(motivation) if motivation is not None else 0
    chosen_postings = check_postings(postings) if postings is not None else None
    cleaned_notes = _check_notes(notes)
    subject = _subject(session, owner, ref, career=career, create=create)
    name = subject.title if isinstance(subject, Career) else subject.name
    if _target_of(session, owner, subject) is not None:
        raise Conflict(f"{name} is on your target list already; change its scores instead.")
    target = Target(
        owner_id=owner.id,
        organization=subject if isinstance(subject, Organization) else None,
        career=subject if isinstance(subject, Career) else None,
        motivation=chosen_motivation,
        postings=chosen_postings,
        notes=cleaned_notes,
    )
    session.add(target)
    session.flush()
    return target


def get_target(session: Session, *, owner: User, ref: str, career: bool = False) -> Target:
    subject = _subject(session, owner, ref, career=career)
    target = _target_of(session, owner, subject)
    if target is None:
        name = subject.title if isinstance(subject, Career) else subject.name
        raise Invalid("target", f"{name} is not on your target list")
    return target


def score_target(
    session: Session,
    *,
    owner: User,
    ref: str,
    career: bool = False,
    motivation: int | None = None,
    postings: int | None = None,
    notes: str | None = None,
) -> Target:
    """Change the typed scores (and notes) of a target; at least one must be given."""
    if motivation is None and postings is None and notes is None:
        raise Invalid("scores", "give --motivation, --postings or both")
    new_motivation = check_motivation(motivation) if motivation is not None else None
    new_postings = check_postings(postings) if postings is not None else None
    new_notes = _check_notes(notes) if notes is not None else None
    target = get_target(session, owner=owner, ref=ref, career=career)
    if new_motivation is not None:
        target.motivation = new_motivation
    if new_postings is not None:
        target.postings = new_postings
    if new_notes is not None:
        target.notes = new_notes
    session.flush()
    return target


def rescore(
    session: Session,
    *,
    owner: User,
    target_id: int,
    motivation: int,
    postings: int | None,
    notes: str | None = None,
) -> Target:
    """Set both typed scores of one target by id (empty postings: not scored yet)."""
    target = get_owned(session, Target, target_id, owner, "target")
    target.motivation = check_motivation(motivation)
    target.postings = None if postings is None else check_postings(postings)
    if notes is not None:
        target.notes = _check_notes(notes)
    session.flush()
    return target


def add_targets(
    session: Session, *, owner: User, names: list[str], create: bool = False
) -> list[Target]:
    """Put several organizations on the list at once; those already there are skipped.

    Without ``create``, any unknown name refuses the whole batch, naming each one.
    """
    cleaned = list(dict.fromkeys(" ".join(n.split()) for n in names if n.strip()))
    if not cleaned:
        raise Invalid("names", "enter at least one organization")
    unknown = []
    for name in cleaned:
        found, guess = _lookup(session, owner, name)
        if found is None:
            unknown.append(f"{name!r} (did you mean {guess!r}?)" if guess else repr(name))
    if unknown and not create:
        raise Invalid("names", "no organization named " + ", ".join(unknown))
    added = []
    for name in cleaned:
        subject = _subject(session, owner, name, career=False, create=create)
        if _target_of(session, owner, subject) is None:
            target = Target(owner_id=owner.id, organization=subject, motivation=0, notes="")
            session.add(target)
            added.append(target)
    session.flush()
    return added


def remove_target(session: Session, *, owner: User, ref: str, career: bool = False) -> str:
    """Take a target off the list (the organization itself stays); returns its name."""
    target = get_target(session, owner=owner, ref=ref, career=career)
    return drop_target(session, owner=owner, target_id=target.id)


def drop_target(session: Session, *, owner: User, target_id: int) -> str:
    """Take the target with this id off the list; returns its name."""
    target = get_owned(session, Target, target_id, owner, "target")
    name = target.name
    session.delete(target)
    session.flush()
    return name


def list_targets(session: Session, *, owner: User) -> list[ScoredTarget]:
    """Every target with its derived advocates and alumni, in LAMP order."""
    targets = list(
        session.scalars(
            owned(Target, owner).options(
                selectinload(Target.organization), selectinload(Target.career)
            )
        )
    )
    org_ids = [t.organization_id for t in targets if t.organization_id is not None]
    career_ids = [t.career_id for t in targets if t.career_id is not None]
    members: dict[tuple[str, int], set[int]] = {}
    if org_ids:
        at_orgs = scope(
            select(Person.id, Person.organization_id).where(Person.organization_id.in_(org_ids)),
            Person,
            owner,
        )
        for pid, org_id in session.execute(at_orgs):
            if org_id is not None:
                members.setdefault(("organization", org_id), set()).add(pid)
    if career_ids:
        # A career has no employer column: its people are those the user asked about it.
        asked_about = scope(
            select(Interview.person_id, Interview.career_id).where(
                Interview.career_id.in_(career_ids), Interview.person_id.is_not(None)
            ),
            Interview,
            owner,
        )
        for asked, career_id in session.execute(asked_about):
            if asked is not None and career_id is not None:
                members.setdefault(("career", career_id), set()).add(asked)
    everyone = set().union(*members.values()) if members else set()
    history = histories(session, owner=owner, person_ids=everyone)
    fellow = alumni(
        session, owner=owner, person_ids=everyone, schools=user_schools(session, owner=owner)
    )
    people = contacts(session, owner=owner, person_ids=everyone)
    rows = []
    for target in targets:
        kind = "organization" if target.organization_id is not None else "career"
        subject_id = target.organization_id or target.career_id
        assert subject_id is not None
        ids = sorted(members.get((kind, subject_id), set()), key=lambda i: people[i].name)
        advocates = tuple(
            people[i] for i in ids if (h := history.get(i)) is not None and (h.met or h.replied)
        )
        rows.append(
            ScoredTarget(
                target=target,
                name=target.name,
                kind=kind,
                advocates=advocates,
                alumni=tuple(people[i] for i in ids if i in fellow),
            )
        )
    return sorted(rows, key=ScoredTarget.sort_key)
