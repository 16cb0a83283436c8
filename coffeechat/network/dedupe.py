"""Finding the same person twice: by email, by profile URL, then by similar name and organization.

Exact emails and profile URLs identify a person. A fuzzy match of name and organization
(rapidfuzz) never joins two people whose emails differ (both have some, none shared) or
whose profiles on the same site differ (two LinkedIn URLs), however alike their names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coffeechat.models import ContactKind, ContactPoint, Organization, Person, User
from coffeechat.scoping import scope
from coffeechat.search import tokens

# How much the organization weighs when both sides name one; without one on either
# side a name alone must be this much more alike.
ORG_WEIGHT = 0.3
NO_ORG_PENALTY = 5


@dataclass(frozen=True)
class Candidate:
    """A person (stored, or about to be) as dedupe sees them."""

    key: int
    name: str
    org: str | None = None
    emails: frozenset[str] = frozenset()
    urls: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Match:
    key: int
    score: int
    reason: str


def simplify(value: str | None) -> str:
    """Folded words in sorted order: "Lovelace, Ada" and "ada LOVELACE" read the same."""
    return " ".join(sorted(tokens(value or "")))


def _conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and a.isdisjoint(b)


def _url_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two profiles on the same site that differ (a team page and a LinkedIn profile don't)."""
    if not a or not b or not a.isdisjoint(b):
        return False
    hosts_a = {key.split("/", 1)[0] for key in a}
    return any(key.split("/", 1)[0] in hosts_a for key in b)


class DedupeIndex:
    """People to match against, blocked by name word so a lookup compares only a few names."""

    def __init__(self, threshold: int) -> None:
        self.threshold = threshold
        self._name_cutoff = max(
            0.0,
            min((threshold - 100 * ORG_WEIGHT) / (1 - ORG_WEIGHT), threshold + NO_ORG_PENALTY),
        )
        self._people: dict[int, tuple[Candidate, str, str]] = {}
        self._by_email: dict[str, list[int]] = defaultdict(list)
        self._by_url: dict[str, list[int]] = defaultdict(list)
        self._block_keys: dict[str, list[int]] = defaultdict(list)
        self._block_names: dict[str, list[str]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self._people)

    def add(self, candidate: Candidate, *, fuzzy: bool = True) -> None:
        """Make ``candidate`` findable: by email and URL, and by similar name if ``fuzzy``."""
        for email in candidate.emails:
            self._by_email[email].append(candidate.key)
        for url in candidate.urls:
            self._by_url[url].append(candidate.key)
        if not fuzzy:
            return
        name, org = simplify(candidate.name), simplify(candidate.org)
        self._people[candidate.key] = (candidate, name, org)
        for word in set(name.split()):
            if len(word) > 1:
                self._block_keys[word].append(candidate.key)
                self._block_names[word].append(name)

    def extend(self, candidates: Iterable[Candidate]) -> None:
        for candidate in candidates:
            self.add(candidate)

    def match(self, candidate: Candidate) -> Match | None:
        """The best stored match for ``candidate``, or None."""
        found = self.matches(candidate, best_only=True)
        return found[0] if found else None

    def matches(self, candidate: Candidate, *, best_only: bool = False) -> list[Match]:
        """Every stored person matching ``candidate``, best first."""
        exact = self._exact(candidate)
        if (exact and best_only) or not self._people:
            return exact[:1] if best_only else exact
        seen = {m.key for m in exact}
        fuzzy = [m for m in self._fuzzy(candidate) if m.key not in seen]
        fuzzy.sort(key=lambda m: (-m.score, m.key))
        found = exact + fuzzy
        return found[:1] if best_only else found

    def _exact(self, candidate: Candidate) -> list[Match]:
        found: dict[int, Match] = {}
        for email in sorted(candidate.emails):
            for key in self._by_email.get(email, ()):
                if key != candidate.key:
                    found.setdefault(key, Match(key, 100, f"same email {email}"))
        for url in sorted(candidate.urls):
            for key in self._by_url.get(url, ()):
                if key != candidate.key:
                    found.setdefault(key, Match(key, 100, f"same profile URL {url}"))
        return sorted(found.values(), key=lambda m: m.key)

    def _fuzzy(self, candidate: Candidate) -> list[Match]:
        from rapidfuzz import fuzz, process

        if not self._people:
            return []
        name, org = simplify(candidate.name), simplify(candidate.org)
        if not name:
            return []
        scores: dict[int, float] = {}
        for word in set(name.split()):
            names = self._block_names.get(word)
            if not names:
                continue
            keys = self._block_keys[word]
            hits = process.extract(
                name, names, scorer=fuzz.ratio, score_cutoff=self._name_cutoff, limit=None
            )
            for _name, score, index in hits:
                scores[keys[index]] = score
        found = []
        for key, name_score in scores.items():
            if key == candidate.key:
                continue
            other, _other_name, other_org = self._people[key]
            if _conflict(candidate.emails, other.emails) or _url_conflict(
                candidate.urls, other.urls
            ):
                continue
            if org and other_org:
                org_score = fuzz.token_set_ratio(org, other_org)
                score = (1 - ORG_WEIGHT) * name_score + ORG_WEIGHT * org_score
                reason = "similar name and organization"
            else:
                score = name_score - NO_ORG_PENALTY
                reason = "similar name"
            if score >= self.threshold:
                found.append(Match(key, round(score), reason))
        return found


def stored_candidates(session: Session, *, owner: User) -> list[Candidate]:
    """Every person of ``owner`` as a dedupe candidate, read in three plain queries."""
    emails: dict[int, set[str]] = defaultdict(set)
    urls: dict[int, set[str]] = defaultdict(set)
    contacts = scope(
        select(ContactPoint.person_id, ContactPoint.kind, ContactPoint.value_key),
        ContactPoint,
        owner,
    ).where(ContactPoint.kind.in_([ContactKind.EMAIL.value, ContactKind.URL.value]))
    for person_id, kind, key in session.execute(contacts):
        (emails if kind == ContactKind.EMAIL.value else urls)[person_id].add(key)
    people = scope(
        select(Person.id, Person.full_name, Organization.name)
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .order_by(Person.id),
        Person,
        owner,
    )
    return [
        Candidate(pid, name, org, frozenset(emails.get(pid, ())), frozenset(urls.get(pid, ())))
        for pid, name, org in session.execute(people)
    ]


@dataclass(frozen=True)
class Duplicate:
    """Two stored people that look like one."""

    first: int
    second: int
    score: int
    reason: str


def find_duplicates(session: Session, *, owner: User, threshold: int) -> list[Duplicate]:
    """Likely duplicate pairs among the owner's people, most certain first."""
    index = DedupeIndex(threshold)
    pairs: list[Duplicate] = []
    for candidate in stored_candidates(session, owner=owner):
        for match in index.matches(candidate):
            pairs.append(Duplicate(match.key, candidate.key, match.score, match.reason))
        index.add(candidate)
    pairs.sort(key=lambda d: (-d.score, d.first, d.second))
    return pairs
