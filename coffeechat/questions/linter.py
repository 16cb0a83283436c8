"""Reviews a question before it is asked: is it open, polite, and not already answered?

Each rule is a small pattern check over the question's folded text. Rules that point at
the *content* of a question (a job ask, a searchable fact, a personal topic) silence the
``closed`` rule: rewording a question that should not be asked at all does not help.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coffeechat.errors import Invalid
from coffeechat.questions.facts import KnownFact, as_known, best_overlap, content_words
from coffeechat.questions.patterns import (
    DOUBLE,
    FACTUAL_TOPIC,
    FAVOUR_ASK,
    FIELD_LEVEL,
    JOB_ASK,
    LEAD_CLAUSE,
    LEADING,
    NEGATIVE_PRESS,
    ONE_WORD,
    OPEN_WRAPPER,
    PAY,
    QUOTED,
    SUBJECTIVE,
    TOO_PERSONAL,
    TOPIC_KINDS,
    WH,
    YES_NO,
    fold,
    org_pattern,
    searchable_patterns,
)
from coffeechat.questions.rewrite import open_rewrite

if TYPE_CHECKING:
    from coffeechat.models import Fact

# fold and open_rewrite lived here at first; other features import them from this module.
__all__ = [
    "CODES",
    "MAX_CHARS",
    "Finding",
    "KnownFact",
    "check_question",
    "fold",
    "lint",
    "open_rewrite",
]

MAX_CHARS = 1000
LONG_WORDS = 32
LONG_CHARS = 200

CODES = (
    "answered_by_research",
    "searchable",
    "closed",
    "job_ask",
    "favour_ask",
    "salary_first",
    "too_personal",
    "negative_press",
    "double",
    "too_long",
    "leading",
)


@dataclass(frozen=True)
class Finding:
    """One problem with a question, with a way to fix it and, where known, the proof."""

    code: str
    message: str
    suggestion: str
    evidence: str = ""


@dataclass(frozen=True)
class _Rule:
    """A rule that is one pattern: when it matches, its finding applies as written."""

    pattern: re.Pattern[str]
    finding: Finding


_CONTENT_RULES = (
    _Rule(
        JOB_ASK,
        Finding(
            "job_ask",
            "This asks for a job, an interview or a referral to a posting; "
            "an informational interview is for learning, not hiring.",
            "Ask how people build the experience for this work, e.g. "
            "'What experience would help someone like me grow toward work like yours?'",
        ),
    ),
    _Rule(
        FAVOUR_ASK,
        Finding(
            "favour_ask",
            "This asks a big favour of someone you have only just met.",
            "Let the relationship grow first; ask for advice, e.g. "
            "'What would make someone stand out when starting in this field?'",
        ),
    ),
)
_TONE_RULES = (
    _Rule(
        NEGATIVE_PRESS,
        Finding(
            "negative_press",
            "Know about bad news, but do not lead with it; it puts them on the spot.",
            "Ask about change in general, e.g. 'What is changing on your team this year?'",
        ),
    ),
    _Rule(
        LEADING,
        Finding(
            "leading",
            "The question suggests its own answer, so you learn little from it.",
            "Ask neutrally, e.g. 'How do you see ...?' or 'What is your view of ...?'",
        ),
    ),
)


def check_question(text: str) -> str:
    """The trimmed question, or ``Invalid`` when it is empty or over 1,000 characters."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise Invalid("question", "is empty; write the question you want to ask")
    if len(cleaned) > MAX_CHARS:
        raise Invalid(
            "question", f"is {len(cleaned):,} characters long; the limit is {MAX_CHARS:,}"
        )
    return cleaned


def lint(
    text: str,
    *,
    facts: Iterable[KnownFact | Fact] = (),
    org_names: Sequence[str] = (),
    opening: bool = False,
) -> list[Finding]:
    """Every finding for one question; an empty list means it is good to ask.

    ``facts`` are what the research holds (rejected ones should be left out by the caller),
    ``org_names`` the organization's name and aliases, and ``opening`` marks the question
    that starts the conversation.
    """
    question = check_question(text)
    folded = fold(question)
    known = [as_known(f) for f in facts]
    findings: list[Finding] = []
    org = org_pattern(tuple(org_names))

    # Quoting the research back is what good preparation looks like, so quotes are not
    # checked against it; only the question around them is.
    research = _answered_by_research(QUOTED.sub(" ", folded), known, org)
    if research:
        findings.append(research)
    elif searchable_patterns(org).search(folded) or _topic(folded, org):
        findings.append(
            Finding(
                "searchable",
                "Any website or search answers this; asking it shows you did not prepare.",
                "Look it up first, then ask what the answer means in practice, "
                "e.g. 'How does that show up in your own work?'",
            )
        )
    findings += [rule.finding for rule in _CONTENT_RULES if rule.pattern.search(folded)]
    personal = TOO_PERSONAL.search(folded)
    if personal:
        findings.append(
            Finding(
                "too_personal",
                "This touches their private life or own pay; leave it unless they raise it.",
                "Ask about the work instead; for pay, ask about the usual range in the field "
                "near the end.",
            )
        )
    if not personal and PAY.search(folded) and (opening or not FIELD_LEVEL.search(folded)):
        findings.append(
            Finding(
                "salary_first",
                "Pay, benefits or time off as a lead question makes the talk sound like "
                "a job negotiation.",
                "Drop it, or near the end ask 'What starting pay range is typical in this field?'",
            )
        )
    findings += [rule.finding for rule in _TONE_RULES if rule.pattern.search(folded)]
    if _is_double(folded):
        findings.append(
            Finding(
                "double",
                "Two questions in one: the second usually gets lost.",
                "Split it and ask the more important half first.",
            )
        )
    words = len(question.split())
    if words > LONG_WORDS or len(question) > LONG_CHARS:
        findings.append(
            Finding(
                "too_long",
                f"At {words} words it is hard to follow when spoken.",
                "Keep one short sentence (under 25 words); background can come before it.",
            )
        )
    if not findings or all(f.code in ("double", "too_long") for f in findings):
        closed = _closed(folded, question)
        if closed:
            findings.append(closed)
    return findings


def _is_double(folded: str) -> bool:
    # A leading clause ("When you started out, ...") is context, not a first question.
    folded = LEAD_CLAUSE.sub("", folded, count=1)
    marks = [m.start() for m in re.finditer(r"\?", folded)]
    if len(marks) >= 2 and len(folded[marks[0] + 1 :].split()) >= 2:
        return True
    match = DOUBLE.search(folded)
    if not match:
        return False
    head = folded[: match.start()]
    # Only a second clause after a first question counts ("what ... and how ...").
    return bool(WH.match(head) or YES_NO.match(head))


def _closed(folded: str, question: str) -> Finding | None:
    if OPEN_WRAPPER.match(folded):
        return None
    if YES_NO.match(folded):
        rewrite = open_rewrite(question)
        return Finding(
            "closed",
            "This can be answered with yes or no, which stalls the conversation.",
            f"Ask it openly: '{rewrite}'",
        )
    if ONE_WORD.match(folded):
        return Finding(
            "closed",
            "This gets a one-word answer (a number or a date).",
            "Ask about the story behind it, e.g. 'How has your role grown since you started?'",
        )
    return None


def _topic(folded: str, org: str) -> frozenset[str] | None:
    """The fact kinds a factual question about the organization asks for, if any."""
    # "Does it offer stock options?" is about pay, not the product.
    if not FACTUAL_TOPIC.match(folded) or SUBJECTIVE.search(folded) or PAY.search(folded):
        return None
    names_org = re.search(org, folded) is not None
    for pattern, kinds, needs_org in TOPIC_KINDS:
        if pattern.search(folded) and (names_org or not needs_org):
            return kinds
    return None


def _answered_by_research(folded: str, known: list[KnownFact], org: str) -> Finding | None:
    if not known:
        return None
    if SUBJECTIVE.search(folded):
        return None
    kinds = _topic(folded, org)
    fact = next((f for f in known if kinds and f.kind in kinds), None)
    fact = fact or best_overlap(content_words(folded), known)
    if fact is None:
        return None
    return Finding(
        "answered_by_research",
        "Your research already answers this.",
        "Build on what you know, e.g. 'I read that ...; how does that show up day to day?'",
        fact.evidence(),
    )
