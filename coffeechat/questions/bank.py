"""The question bank: a TOML data file, checked entry by entry when it is loaded."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

from coffeechat.errors import Invalid
from coffeechat.vocab import FactKind

CATEGORIES = (
    "their_story",
    "typical_day",
    "skills",
    "culture",
    "trends",
    "insights",
    "advice",
    "resources",
    "assignments",
    "referrals",
    "closing",
)
STAGES = ("opening", "core", "closing")
FOCI = ("company", "career", "both")
SENIORITY = ("junior", "mid", "senior")

# Filled from the interview itself.
PERSON_PLACEHOLDERS = ("first_name", "org", "role", "field")
# Filled with a short quote of a trusted fact of that kind.
FACT_PLACEHOLDERS = tuple(
    k.value for k in FactKind if k not in (FactKind.DRESS_CUE, FactKind.BACKGROUND)
)
PLACEHOLDERS = frozenset(PERSON_PLACEHOLDERS + FACT_PLACEHOLDERS)
FACT_KINDS = frozenset(k.value for k in FactKind)

_REQUIRED = ("id", "text", "category", "focus", "stage", "needs", "redundant_if")
_OPTIONAL = ("seniority", "weight")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class BankQuestion:
    """One question of the bank, ready to be filled for an interview."""

    id: str
    text: str
    category: str
    focus: str
    stage: str
    needs: tuple[str, ...]
    redundant_if: tuple[str, ...]
    seniority: tuple[str, ...] = ()
    weight: float = 1.0

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(_PLACEHOLDER.findall(self.text))


def placeholders_in(text: str, *, where: str) -> tuple[str, ...]:
    """The placeholders a text uses; ``Invalid`` for an unknown one or a stray brace."""
    names = tuple(_PLACEHOLDER.findall(text))
    for name in names:
        if name not in PLACEHOLDERS:
            known = ", ".join("{" + p + "}" for p in sorted(PLACEHOLDERS))
            raise Invalid(where, f"unknown placeholder {{{name}}}; use one of {known}")
    if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
        raise Invalid(where, "has an unmatched brace; placeholders look like {org}")
    return names


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with every placeholder replaced; the caller checked they are all known."""
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


class _Entry:
    """Reads one raw entry, naming the entry and the field in every complaint."""

    def __init__(self, raw: object, number: int, origin: str) -> None:
        self.origin = origin
        self.label = f"entry {number}"
        if not isinstance(raw, dict):
            self.fail("", "is not a table of fields")
        self.raw: dict[str, Any] = raw
        if isinstance(raw.get("id"), str) and raw["id"].strip():
            self.label += f" (id {raw['id']!r})"

    def fail(self, field: str, message: str) -> NoReturn:
        where = f", field {field!r}" if field else ""
        raise Invalid("question_bank", f"{self.origin}, {self.label}{where}: {message}")

    def text(self, field: str) -> str:
        value = self.raw.get(field)
        if not isinstance(value, str) or not value.strip():
            self.fail(field, "is missing or empty")
        return value.strip()

    def choice(self, field: str, choices: tuple[str, ...]) -> str:
        value = self.text(field)
        if value not in choices:
            self.fail(field, f"{value!r} is not one of {', '.join(choices)}")
        return value

    def words(self, field: str, allowed: frozenset[str] | tuple[str, ...]) -> tuple[str, ...]:
        value = self.raw.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(field, 'must be a list of words, e.g. ["org"]')
        for word in value:
            if word not in allowed:
                self.fail(field, f"{word!r} is not one of {', '.join(sorted(allowed))}")
        return tuple(value)


def _parse_entry(raw: object, number: int, origin: str) -> BankQuestion:
    entry = _Entry(raw, number, origin)
    for field in _REQUIRED:
        if field not in entry.raw:
            entry.fail(field, "is missing")
    for field in entry.raw:
        if field not in _REQUIRED + _OPTIONAL:
            entry.fail(field, "is not a known field")
    text = entry.text("text")
    try:
        used = placeholders_in(text, where="text")
    except Invalid as error:
        entry.fail("text", error.message)
    needs = entry.words("needs", PLACEHOLDERS | FACT_KINDS)
    for name in used:
        if name not in needs:
            entry.fail("needs", f"the text uses {{{name}}}, so needs must list {name!r}")
    weight = entry.raw.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 5:
        entry.fail("weight", "must be a number above 0 and at most 5")
    return BankQuestion(
        id=entry.text("id"),
        text=text,
        category=entry.choice("category", CATEGORIES),
        focus=entry.choice("focus", FOCI),
        stage=entry.choice("stage", STAGES),
        needs=needs,
        redundant_if=entry.words("redundant_if", FACT_KINDS),
        seniority=entry.words("seniority", SENIORITY),
        weight=float(weight),
    )


def parse_bank(data: dict[str, Any], origin: str) -> tuple[BankQuestion, ...]:
    """Every entry of a parsed bank file, or ``Invalid`` naming the first bad entry and field."""
    entries = data.get("question")
    if not isinstance(entries, list) or not entries:
        raise Invalid("question_bank", f"{origin}: has no [[question]] entries")
    questions: list[BankQuestion] = []
    seen: set[str] = set()
    for number, raw in enumerate(entries, start=1):
        question = _parse_entry(raw, number, origin)
        if question.id in seen:
            raise Invalid(
                "question_bank",
                f"{origin}, entry {number}, field 'id': {question.id!r} is used twice",
            )
        seen.add(question.id)
        questions.append(question)
    return tuple(questions)


def load_bank(path: Path | None = None) -> tuple[BankQuestion, ...]:
    """The bank at ``path``, or the one shipped with Coffeechat."""
    if path is None:
        return _shipped_bank()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise Invalid("question_bank", f"cannot read {path}: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise Invalid("question_bank", f"{path} is not valid TOML: {error}") from None
    return parse_bank(data, str(path))


@lru_cache(maxsize=1)
def _shipped_bank() -> tuple[BankQuestion, ...]:
    text = resources.files("coffeechat.questions").joinpath("bank.toml").read_text("utf-8")
    return parse_bank(tomllib.loads(text), "bank.toml")
