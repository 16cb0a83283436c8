"""What every drafted note shares: its shape, word counting and the user's signature.

Drafts are text the user edits and sends from their own mail client; nothing here sends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from coffeechat.errors import Invalid
from coffeechat.models import Interview, Person, User
from coffeechat.network.profile import get_profile
from coffeechat.vocab import MessageKind

_WORD = re.compile(r"[\w'’\-–.@/]+")


@dataclass(frozen=True)
class Draft:
    """A note to edit and send: which kind, to whom, subject and body."""

    kind: str
    variant: str
    interview_id: int
    to_name: str
    to_emails: tuple[str, ...]
    subject: str
    body: str
    # Things the user should fix before sending (a missing takeaway, no name set).
    warnings: tuple[str, ...] = ()

    @property
    def words(self) -> int:
        return word_count(self.body)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def shorten(text: str, max_words: int) -> str:
    """``text`` cut to ``max_words`` words at most, marked with an ellipsis when cut."""
    words = " ".join(text.split()).rstrip(".!;:, ").split(" ")
    if len(words) <= max_words:
        return " ".join(words)
    return " ".join(words[:max_words]).rstrip(".,;:") + "…"


def strip_end(text: str) -> str:
    """A sentence fragment without its closing punctuation, to be embedded in another."""
    return " ".join(text.split()).rstrip(".!;: ")


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class Parties:
    """Who writes to whom about what, as the drafts need it."""

    interview: Interview
    person: Person
    me: str
    my_schools: tuple[str, ...]
    my_fields: tuple[str, ...]
    timezone: str
    warnings: tuple[str, ...]

    @property
    def org(self) -> str | None:
        organization = self.interview.organization or self.person.organization
        return organization.name if organization else None

    @property
    def topic(self) -> str:
        """The broad interest: the career explored, else the user's field, else their work."""
        if self.interview.career is not None:
            return self.interview.career.title.lower()
        if self.my_fields:
            return self.my_fields[0]
        if self.person.title:
            return f"work like yours as {self.person.title}"
        return "your field"

    def greeting(self) -> str:
        # A formal address until they sign with a first name.
        return f"Dear {self.person.full_name},"

    def signature(self, closing: str = "Thank you,") -> str:
        return f"{closing}\n{self.me}"

    def draft(
        self,
        kind: MessageKind,
        subject: str,
        body: str,
        *,
        variant: str | None = None,
        warnings: Sequence[str] | None = None,
    ) -> Draft:
        """A draft addressed to this person; ``warnings`` default to the parties' own."""
        return Draft(
            kind=kind.value,
            variant=variant or kind.value,
            interview_id=self.interview.id,
            to_name=self.person.full_name,
            to_emails=tuple(self.person.emails),
            subject=subject,
            body=body,
            warnings=self.warnings if warnings is None else tuple(warnings),
        )


def parties(session: Session, *, owner: User, interview: Interview) -> Parties:
    """The interview's person and the user's own profile, with warnings for gaps."""
    person = interview.person
    if person is None:
        raise Invalid("interview", f"interview {interview.id} has no person any more")
    profile = get_profile(session, owner=owner)
    warnings: list[str] = []
    me = profile.name
    if not me:
        me = "[your name]"
        warnings.append('Set your name for the signature: coffeechat me --name "Your Name"')
    return Parties(
        interview=interview,
        person=person,
        me=me,
        my_schools=tuple(profile.schools),
        my_fields=tuple(profile.fields),
        timezone=profile.timezone,
        warnings=tuple(warnings),
    )
