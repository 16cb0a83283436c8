"""Chooses and orders questions for one interview: pure logic, no database.

The shape follows the meeting: one opening question about their story, core questions
spread over the categories (the TIARA buckets among them), and a close that asks who
else to talk to and how to stay in touch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from coffeechat.errors import Invalid
from coffeechat.questions.bank import BankQuestion, fill
from coffeechat.questions.facts import KnownFact, content_words
from coffeechat.questions.linter import lint
from coffeechat.questions.patterns import fold

MINUTES_PER_QUESTION = 4
DEFAULT_MINUTES = 30
MIN_COUNT, MAX_COUNT = 3, 20

CATEGORY_LABELS = {
    "their_story": "their story",
    "typical_day": "a typical day",
    "skills": "skills and qualifications",
    "culture": "culture",
    "trends": "trends (the T of TIARA)",
    "insights": "insights (the I of TIARA)",
    "advice": "advice (the A of TIARA)",
    "resources": "resources (the R of TIARA)",
    "assignments": "assignments (the last A of TIARA)",
    "referrals": "referrals",
    "closing": "closing",
    "custom": "your own question",
}
# The order core questions are asked in: concrete first, then the TIARA arc.
CORE_ORDER = (
    "their_story",
    "typical_day",
    "skills",
    "culture",
    "trends",
    "insights",
    "advice",
    "resources",
    "assignments",
)
# Which categories each kind of meeting leans on.
_FOCUS_LEAN = {
    "company": {"culture": 0.3, "typical_day": 0.1, "insights": 0.1},
    "career": {"skills": 0.3, "advice": 0.2, "typical_day": 0.2},
    "both": {"culture": 0.1, "skills": 0.1, "advice": 0.1},
}
_GOAL_WORDS = {
    "their_story": "path story start begin journey",
    "typical_day": "day daily week routine hours responsibilities duties job really like",
    "skills": "skill skills qualification degree certificate certification training education "
    "background learn bootcamp course master",
    "culture": "culture team teams management manager values environment fit people",
    "trends": "trend trends future change changes outlook growth technology ai industry",
    "insights": "honest real reality surprise challenge challenges pressure rewarding",
    "advice": "switch change transition move pivot break start advice next step career",
    "resources": "read book books podcast conference association resource resources community",
    "assignments": "project projects portfolio sample practice try build",
}
_GOAL_STEMS = {category: content_words(words) for category, words in _GOAL_WORDS.items()}
# Words nearly every goal has ("learn what ...", "hear how ..."): they say nothing about topic.
_GOAL_NOISE = content_words(
    "hear learn ask understand find talk want like see more better idea year next new now time"
)

_SENIOR = re.compile(
    r"\b(?:senior|sr|lead|principal|staff|head|director|vp|vice president|chief|ceo|cto|cfo"
    r"|coo|partner|founder|co-founder|president|manager|managing)\b"
)
_JUNIOR = re.compile(
    r"\b(?:junior|jr|intern|trainee|graduate|apprentice|assistant|associate|entry|fellow)\b"
)
_LEADING_SUBJECT = re.compile(
    r"^(?:(?:our|the|its|their|[\w&.'-]+'s) (?:mission|vision|goal|aim|purpose) is (?:to )?)",
    re.IGNORECASE,
)
_QUOTE_WORDS = 14
_WORDS = re.compile(r"[A-Za-z][\w'-]*")


@dataclass(frozen=True)
class PlanContext:
    """What the planner knows about the meeting."""

    focus: str
    seniority: str = "mid"
    goal: str = ""
    values: dict[str, str] = field(default_factory=dict)
    facts: tuple[KnownFact, ...] = ()
    org_names: tuple[str, ...] = ()
    asked_ids: frozenset[str] = frozenset()
    asked_texts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Choice:
    """A bank question filled for this interview, with the reason it was chosen."""

    question: BankQuestion
    text: str
    why: str
    score: float


@dataclass(frozen=True)
class Slots:
    opening: int
    core: int
    closing: int


def question_count(count: int | None, minutes: int | None, duration: int | None) -> int:
    """How many questions to plan: as given, or about one every four minutes."""
    if count is not None:
        if not MIN_COUNT <= count <= MAX_COUNT:
            raise Invalid("count", f"plan between {MIN_COUNT} and {MAX_COUNT} questions")
        return count
    if minutes is not None and not 5 <= minutes <= 240:
        raise Invalid("minutes", "the meeting length must be between 5 and 240 minutes")
    length = minutes or duration or DEFAULT_MINUTES
    return max(MIN_COUNT, min(MAX_COUNT, length // MINUTES_PER_QUESTION))


def slots_for(count: int, kept: Sequence[str] = ()) -> Slots:
    """One opening, two closing (referrals, staying in touch), the rest core.

    ``kept`` are the stages of questions the plan already holds; they use up slots.
    """
    opening = max(0, 1 - kept.count("opening"))
    closing = max(0, (2 if count >= 4 else 1) - kept.count("closing"))
    return Slots(opening, max(0, count - len(kept) - opening - closing), closing)


def seniority_of(title: str | None) -> str:
    """junior, mid or senior, read from the words of a job title."""
    words = (title or "").lower()
    if _SENIOR.search(words):
        return "senior"
    if _JUNIOR.search(words):
        return "junior"
    return "mid"


def field_of_career(title: str) -> str:
    """A phrase for an occupation's field: "Data Scientists" becomes "data scientist work"."""
    words = title.strip().split()
    if not words:
        return ""
    last = words[-1]
    if len(last) > 4 and last.lower().endswith("ies"):
        last = last[:-3] + "y"
    elif len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join([*words[:-1], last]).lower() + " work"


def quote_of(sentence: str) -> str:
    """A short quotable phrase of a fact sentence."""
    text = sentence.strip().strip("\"'\u201c\u201d").rstrip(" .!;:")
    text = _LEADING_SUBJECT.sub("", text)
    words = text.split()
    if len(words) > _QUOTE_WORDS:
        text = " ".join(words[:_QUOTE_WORDS]).rstrip(",;:") + "\u2026"
    return text


def fact_values(facts: Iterable[KnownFact]) -> dict[str, str]:
    """One quotable phrase per fact kind, from the first fact of that kind."""
    values: dict[str, str] = {}
    for fact in facts:
        values.setdefault(fact.kind, quote_of(fact.text))
    return values


def choose(
    bank: Sequence[BankQuestion],
    context: PlanContext,
    slots: Slots,
    *,
    exclude: frozenset[str] = frozenset(),
) -> list[Choice]:
    """The questions for the open slots, in the order they are best asked."""
    kinds = frozenset(f.kind for f in context.facts)
    goal = content_words(context.goal) - _GOAL_NOISE
    ranked = sorted(
        (
            _score(q, context, goal)
            for q in bank
            if q.id not in exclude and _fits(q, context, kinds)
        ),
        key=lambda pair: -pair[0],
    )
    chooser = _Chooser(context)
    opening = chooser.take([q for q in ranked if q[1].stage == "opening"], slots.opening)
    closing = chooser.take_closing([q for q in ranked if q[1].stage == "closing"], slots.closing)
    core = chooser.take_spread([q for q in ranked if q[1].stage == "core"], slots.core, goal)
    core.sort(key=lambda c: (CORE_ORDER.index(c.question.category), -c.score))
    return opening + core + closing


def _fits(question: BankQuestion, context: PlanContext, kinds: frozenset[str]) -> bool:
    if context.focus != "both" and question.focus not in ("both", context.focus):
        return False
    if question.seniority and context.seniority not in question.seniority:
        return False
    if question.id in context.asked_ids:
        return False
    if any(kind in kinds for kind in question.redundant_if):
        return False
    return all(need in context.values or need in kinds for need in question.needs)


def _score(
    question: BankQuestion, context: PlanContext, goal: frozenset[str]
) -> tuple[float, BankQuestion, list[str]]:
    reasons: list[str] = []
    score = question.weight + _FOCUS_LEAN[context.focus].get(question.category, 0.0)
    matched = goal & (content_words(question.text) | _GOAL_STEMS.get(question.category, set()))
    if matched:
        score += 0.4 * min(len(matched), 3)
        words = [w for w in _WORDS.findall(context.goal) if content_words(w) & matched]
        shown = ", ".join(dict.fromkeys(w.lower() for w in words[:3]))
        reasons.append(f"it speaks to your goal ({shown})" if shown else "it speaks to your goal")
    for kind in question.placeholders:
        fact = next((f for f in context.facts if f.kind == kind), None)
        if fact:
            score += 0.5
            where = f" on {fact.source_title}" if fact.source_title else ""
            reasons.append(f"it builds on what you read{where} ({kind})")
            break
    if question.seniority:
        score += 0.2
        reasons.append(f"it suits someone at a {context.seniority} level")
    return score, question, reasons


class _Chooser:
    """Fills slots in score order, skipping anything the linter or history rules out."""

    def __init__(self, context: PlanContext) -> None:
        self.context = context

    def _accept(self, entry: tuple[float, BankQuestion, list[str]]) -> Choice | None:
        score, question, reasons = entry
        text = fill(question.text, self.context.values)
        if fold(text) in self.context.asked_texts:
            return None
        problems = lint(
            text,
            facts=self.context.facts,
            org_names=self.context.org_names,
            opening=question.stage == "opening",
        )
        if problems:
            return None
        return Choice(question, text, _why(question, reasons), score)

    def take(self, ranked: list[tuple[float, BankQuestion, list[str]]], n: int) -> list[Choice]:
        chosen: list[Choice] = []
        for entry in ranked:
            if len(chosen) >= n:
                break
            choice = self._accept(entry)
            if choice:
                chosen.append(choice)
        return chosen

    def take_closing(
        self, ranked: list[tuple[float, BankQuestion, list[str]]], n: int
    ) -> list[Choice]:
        # Referrals first, then how to stay in touch; a single slot goes to referrals.
        referrals = self.take([e for e in ranked if e[1].category == "referrals"], 1)
        rest = self.take([e for e in ranked if e[1].category == "closing"], max(0, n - 1))
        return (referrals + rest)[:n]

    def take_spread(
        self, ranked: list[tuple[float, BankQuestion, list[str]]], n: int, goal: frozenset[str]
    ) -> list[Choice]:
        by_category: dict[str, list[tuple[float, BankQuestion, list[str]]]] = {}
        for entry in ranked:
            by_category.setdefault(entry[1].category, []).append(entry)
        # Categories whose best question scores highest go first, so a short plan keeps them.
        order = sorted(by_category, key=lambda c: -by_category[c][0][0])
        order = [c for c in order if c != "their_story"] + (
            ["their_story"] if "their_story" in by_category else []
        )
        chosen: list[Choice] = []
        while len(chosen) < n and any(by_category.values()):
            for category in order:
                queue = by_category[category]
                while queue and len(chosen) < n:
                    choice = self._accept(queue.pop(0))
                    if choice:
                        chosen.append(choice)
                        break
        return chosen


def _why(question: BankQuestion, reasons: list[str]) -> str:
    if question.stage == "opening":
        lead = "Opens with their story: people relax when talking about their own path"
    elif question.category == "referrals":
        lead = "Asks who else to talk to, the natural way to grow your network"
    elif question.stage == "closing":
        lead = "Closes by agreeing how to stay in touch"
    else:
        lead = f"Covers {CATEGORY_LABELS[question.category]}"
    return lead + ("; " + ", and ".join(reasons) if reasons else "") + "."
