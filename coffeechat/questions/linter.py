"""Reviews a question before it is asked: is it open, polite, and not already answered?

Each rule is a small pattern check over the question's folded text. Rules that point at
the *content* of a question (a job ask, a searchable fact, a personal topic) silence the
``closed`` rule: rewording a question that should not be asked at all does not help.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from coffeechat.errors import Invalid
from coffeechat.questions.facts import KnownFact, as_known, best_overlap, content_words

if TYPE_CHECKING:
    from coffeechat.models import Fact

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


def check_question(text: str) -> str:
    """The trimmed question, or ``Invalid`` when it is empty or over 1,000 characters."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise Invalid("question", "is empty; write the question you want to ask")
    if len(cleaned) > MAX_CHARS:
        raise Invalid(
            "question", f"is {len(cleaned):,} characters long; keep it under {MAX_CHARS:,}"
        )
    return cleaned


def fold(text: str) -> str:
    """Lower-cased text with straight apostrophes and single spaces."""
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").lower().split())


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_ORG_WORDS = (
    r"(?:the |your |this |that )?(?:company|organi[sz]ation|firm|business|startup|employer"
    r"|agency|non-?profit|charity|org|brand|you guys|you all)"
)


@lru_cache(maxsize=64)
def _org_pattern(names: tuple[str, ...]) -> str:
    named = [re.escape(fold(n)) for n in names if n.strip()]
    return "(?:" + "|".join([_ORG_WORDS, *named]) + ")"


_JOB_ASK = _rx(
    r"\b(?:are|is) (?:you|they|[\w&.'-]+(?: [\w&.'-]+)?) (?:\w+ )?hiring\b",
    r"\banyone hiring\b",
    r"\b(?:job |open |current )?(?:openings?|vacanc(?:y|ies))\b",
    r"\bopen (?:positions?|roles?|jobs?|reqs?)\b",
    r"\b(?:positions?|roles?|jobs?) (?:open|available)\b",
    r"\bjob postings?\b",
    r"\b(?:get|find|give|offer|land|line up) me (?:a |an |the |some )?"
    r"(?:job|internship|interview|position|role|offer|foot in the door)",
    r"\bhir(?:e|ing) me\b",
    r"\bwhy should (?:you|they|anyone|\w+) hire\b",
    r"\b(?:refer|recommend|nominate) me\b",
    r"\b(?:pass|send|forward|give|hand|share|submit|walk) (?:along )?my "
    r"(?:r[ée]sum[ée]|cv|application)",
    r"\bput in a (?:good )?word\b",
    r"\b(?:i|me) (?:\w+ ){0,4}(?:get|land|be) (?:hired|a job|an offer|an interview|"
    r"an internship|the job|the role|a position|in the door)\b",
    r"\binterview me\b",
    r"\b(?:can|could|may|should) i apply\b",
    r"\bmy (?:application|candidacy|chances)\b",
    r"\bintroduce me to (?:the |a |your )?(?:hiring manager|recruiter|hr\b)",
    r"\b(?:jobs?|roles?|positions?|internships?) for me\b",
    r"\bwork for you\b",
)

_FAVOUR_ASK = _rx(
    r"\b(?:be|become) my mentor\b",
    r"\bmentor me\b",
    r"\b(?:review|look over|look at|check|critique|edit|proofread|read|fix) my "
    r"(?:r[ée]sum[ée]|cv|cover letter|portfolio|linkedin)",
)

_PAY = _rx(
    r"\b(?:salary|salaries|compensation|comp package|bonus(?:es)?|benefits|vacation|pto"
    r"|paid time off|stock options?|equity|perks|401k|pension|raises?|wages?|pay ?check"
    r"|paid leave|sick days|time off)\b",
    r"\b(?:what|how much) (?:does|do|would|will|can) (?:it|this|that|the \w+|\w+) pay\b",
    r"\bhow much (?:does|do|would|will|can) (?:a|an|the|someone|people) .{0,40}\b(?:make|earn)\b",
    r"\b(?:starting |entry[- ]level )?pay\b(?! attention)",
)
_FIELD_LEVEL = _rx(
    r"\btypical(?:ly)?\b",
    r"\brange\b",
    r"\b(?:in|across) (?:this|the|your) (?:field|industry|profession|line of work)\b",
    r"\bmarket rate\b",
)

_TOO_PERSONAL = _rx(
    r"\bhow much (?:money )?(?:do|did|will) you (?:make|earn|get paid|take home|bring in)\b",
    r"\bwhat do you (?:make|earn)\b",
    r"\byour (?:own )?(?:salary|pay|income|bonus|compensation|paycheck|net worth|raise)\b",
    r"\bhow old (?:are|were) you\b",
    r"\byour age\b",
    r"\b(?:are|were) you (?:married|single|divorced|pregnant|religious|sick|ill|dating|seeing)\b",
    r"\b(?:do|did) you (?:have|want|plan to have) (?:any )?(?:kids|children|a family|a partner)\b",
    r"\byour (?:kids|children|husband|wife|spouse|boyfriend|girlfriend|family plans|health"
    r"|religion|diagnosis|pregnancy|politics|weight|divorce|therapy|medical)\b",
    r"\bwho did you vote\b",
    r"\b(?:were|got) you (?:fired|laid off|let go)\b",
    r"\bwhy did you get (?:fired|laid off|let go|divorced)\b",
    r"\b(?:when|what age) (?:do|will) you (?:plan to )?retire\b",
)

_NEGATIVE_PRESS = _rx(
    r"\b(?:layoffs?|laid off|scandal|lawsuits?|sued|controvers(?:y|ies)|bad press|fraud"
    r"|data breach|cover[- ]up|misconduct|strikes?|walkouts?)\b",
)

_LEADING = _rx(
    r"^(?:don't|doesn't|isn't|aren't|wouldn't|won't|shouldn't|can't|didn't|haven't|hasn't)\b",
    r"\b(?:don't you (?:think|agree|feel|find)|wouldn't you (?:agree|say)"
    r"|isn't it (?:true|obvious|clear|fair)|you'd agree|you agree that)\b",
    r"\byou (?:must|surely|probably) (?:love|hate|agree|think|find|be|enjoy|feel)\b",
    r"\b(?:surely|obviously|of course|needless to say)\b",
    r"\b(?:i assume|i'm sure|i am sure|i bet|i guess) you\b",
    r"(?:,|\bright|\bcorrect) ?(?:right|correct|yes|no)?\?$",
    r"^how (?:great|amazing|awesome|exciting|wonderful|fantastic|incredible|terrible|awful"
    r"|boring|cool)\b",
    r"\bso much better\b",
    r"\bwhy is (?:it|\w+) (?:the best|so (?:great|good|bad|amazing))\b",
    r"\bwhat makes \w+ (?:the best|so (?:great|amazing|special))\b",
)

# Polite wrappers that invite a long answer even though they start like a yes/no question.
_OPEN_WRAPPER = re.compile(
    r"^(?:could|can|would|will) you (?:please )?(?:tell|describe|walk|share|explain|talk|"
    r"give me (?:an example|a sense|a picture)|say more|elaborate|help me understand|paint|"
    r"take me|outline|expand|point me|sketch)\b"
    r"|^would you (?:mind )?(?:telling|describing|walking|sharing|explaining|talking)\b"
)
_YES_NO = re.compile(
    r"^(?:do|does|did|is|are|was|were|have|has|had|can|could|will|would|should|shall|may|"
    r"might|am)\b"
)
_ONE_WORD = re.compile(
    r"^(?:how many|how long|how often|what year|when did|when was|when is|how old|which one)\b"
)
_DOUBLE = re.compile(
    r"(?:[,;]|\b(?:and|or|but|also|plus)\b)\s+(?:also |then |if so,? )?"
    r"(?:what|how|why|where|when|who|which|whether|do you|does (?:it|that|the)|did you|"
    r"would you|could you|can you|will you|is there|are there|is it|have you|has it|"
    r"should i|may i|can i)\b"
)
_WH = re.compile(r"\b(?:what|how|why|where|when|who|which|whether)\b")


def _searchable_patterns(org: str) -> re.Pattern[str]:
    return _rx(
        rf"\bwhat (?:exactly )?(?:does|do) {org} (?:do|make|sell|build|offer|produce)\b",
        rf"\bwhat (?:is|'s) {org}(?:'s)? (?:mission|main product|product line|purpose|address"
        rf"|website|industry|business model|revenue|headcount|size|stock price|ticker)\b",
        rf"\bwhat (?:is|are) the (?:mission|products|services|values) of {org}\b",
        rf"\bwhat (?:products|services) (?:does|do) {org} (?:make|sell|offer|have|provide)\b",
        rf"\bwhere (?:is|are) {org} (?:located|based|headquartered)\b",
        rf"\bwhere (?:is|are) (?:your|the|{org}'s) (?:headquarters|hq|offices?|head office)\b",
        rf"\bwhen (?:was|did) {org} (?:founded|started|start|established|created|begin|"
        rf"go public|get started)\b",
        rf"\bwho (?:founded|started|owns|runs) {org}\b",
        rf"\bwho (?:is|'s) (?:the|your|{org}'s) (?:ceo|founder|president|chief executive)\b",
        rf"\bhow many (?:employees|people|staff|offices|locations|customers|stores) (?:does|do) "
        rf"{org} (?:have|employ)\b",
        rf"\bhow (?:big|large|old) is {org}\b",
        rf"\bis {org} (?:public|publicly traded|private|listed|a non-?profit|profitable)\b",
        rf"\bwhat (?:industry|sector|market) is {org} in\b",
    )


# What a question asks for, when it asks for a fact the research may hold.
_TOPIC_KINDS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (re.compile(r"\bmission\b|\bpurpose\b"), frozenset({"mission"})),
    (re.compile(r"\bvision\b"), frozenset({"vision"})),
    (re.compile(r"\bvalues\b"), frozenset({"value"})),
    (
        re.compile(r"\bproducts?\b|\bservices\b|\b(?:make|sell|build|offer)\b"),
        frozenset({"product"}),
    ),
    (
        re.compile(r"\b(?:news|announce\w*|acqui\w+|merger|launch\w*|raised|funding)\b"),
        frozenset({"news"}),
    ),
)
_FACTUAL_TOPIC = re.compile(r"^(?:what|which|when|where|who)\b|^(?:do|does|did|is|are|has|have)\b")
# Words that make a question about the person's view or experience: research cannot answer it.
_SUBJECTIVE = re.compile(
    r"\b(?:think|feel|like|love|enjoy|drew|draw|drawn|surpris\w*|advice|advise|recommend|"
    r"suggest|wish|learn\w*|favou?rite|best|worst|hardest|most|least|challeng\w*|chang\w*|"
    r"differ\w*|decid\w*|choose|chose|why|experience|compare|expect|see|view|opinion|prefer|"
    r"matter\w*|mean|shape|handle|approach|balance|would|should|hope|proud|excit\w*|"
    r"reward\w*|hard|easy|struggle|thrive|misunderst\w*|wrong)\b"
)


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
    org = _org_pattern(tuple(org_names))

    research = _answered_by_research(folded, known, org)
    if research:
        findings.append(research)
    elif _searchable_patterns(org).search(folded):
        findings.append(
            Finding(
                "searchable",
                "Any website or search answers this; asking it shows you did not prepare.",
                "Look it up first, then ask what the answer means in practice, "
                "e.g. 'How does that show up in your own work?'",
            )
        )
    if _JOB_ASK.search(folded):
        findings.append(
            Finding(
                "job_ask",
                "This asks for a job, an interview or a referral to a posting; "
                "an informational interview is for learning, not hiring.",
                "Ask how people build the experience for this work, e.g. "
                "'What experience would help someone like me grow toward work like yours?'",
            )
        )
    if _FAVOUR_ASK.search(folded):
        findings.append(
            Finding(
                "favour_ask",
                "This asks a big favour of someone you have only just met.",
                "Let the relationship grow first; ask for advice, e.g. "
                "'What would make someone stand out when starting in this field?'",
            )
        )
    personal = _TOO_PERSONAL.search(folded)
    if personal:
        findings.append(
            Finding(
                "too_personal",
                "This touches their private life or own pay; leave it unless they raise it.",
                "Ask about the work instead; for pay, ask about the usual range in the field "
                "near the end.",
            )
        )
    if not personal and _PAY.search(folded) and (opening or not _FIELD_LEVEL.search(folded)):
        findings.append(
            Finding(
                "salary_first",
                "Pay, benefits or time off as a lead question makes the talk sound like "
                "a job negotiation.",
                "Drop it, or near the end ask 'What starting pay range is typical in this field?'",
            )
        )
    if _NEGATIVE_PRESS.search(folded):
        findings.append(
            Finding(
                "negative_press",
                "Know about bad news, but do not lead with it; it puts them on the spot.",
                "Ask about change in general, e.g. 'What is changing on your team this year?'",
            )
        )
    if _LEADING.search(folded):
        findings.append(
            Finding(
                "leading",
                "The question suggests its own answer, so you learn little from it.",
                "Ask neutrally, e.g. 'How do you see ...?' or 'What is your view of ...?'",
            )
        )
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
    marks = [m.start() for m in re.finditer(r"\?", folded)]
    if len(marks) >= 2 and len(folded[marks[0] + 1 :].split()) >= 2:
        return True
    match = _DOUBLE.search(folded)
    if not match:
        return False
    head = folded[: match.start()]
    # Only a second clause after a first question counts ("what ... and how ...").
    return bool(_WH.search(head) or _YES_NO.match(head))


def _closed(folded: str, question: str) -> Finding | None:
    if _OPEN_WRAPPER.match(folded):
        return None
    if _YES_NO.match(folded):
        rewrite = open_rewrite(question)
        return Finding(
            "closed",
            "This can be answered with yes or no, which stalls the conversation.",
            f"Ask it openly: '{rewrite}'",
        )
    if _ONE_WORD.match(folded):
        return Finding(
            "closed",
            "This gets a one-word answer (a number or a date).",
            "Ask about the story behind it, e.g. 'How has your role grown since you started?'",
        )
    return None


_LIKE = re.compile(r"^(do|did) you (like|enjoy|love) (.+?)\??$", re.IGNORECASE)
_HAVE_ANY = re.compile(
    r"^(?:do|would) you have (?:any |some )?(advice|tips|suggestions|recommendations|thoughts)"
    r"(?: (for|on|about) (.+?))?\??$",
    re.IGNORECASE,
)
_THERE_SOMEONE = re.compile(
    r"^(?:is|are) there (anything|anyone|anybody|someone|somebody|something)( else)? "
    r"(i|we) (should|could|can|must|ought to) (.+?)\??$",
    re.IGNORECASE,
)
_THERE = re.compile(r"^(?:is|are) there (?:any |some )?(.+?)\??$", re.IGNORECASE)
_DO = re.compile(r"^(do|does|did) (.+?)\??$", re.IGNORECASE)
_AUX = re.compile(
    r"^(is|are|was|were|have|has|had|can|could|will|would|should|shall|may|might|am) "
    r"(\S+) (.+?)\??$",
    re.IGNORECASE,
)


def open_rewrite(question: str) -> str:
    """An open-ended version of a yes/no question (a starting point, not a final text)."""
    text = question.strip()
    if match := _LIKE.match(text):
        aux, verb, rest = match.groups()
        return f"What {aux.lower()} you {verb.lower()} most about {rest}?"
    if match := _HAVE_ANY.match(text):
        noun, prep, rest = match.groups()
        return f"What {noun.lower()} would you give" + (f" {prep} {rest}?" if rest else "?")
    if match := _THERE_SOMEONE.match(text):
        who, other, subject, modal, rest = match.groups()
        wh = (
            "Who"
            if who.lower().startswith(("anyone", "anybody", "someone", "somebody"))
            else "What"
        )
        return f"{wh}{other or ''} {modal.lower()} {subject} {rest}?"
    if match := _THERE.match(text):
        return f"What can you tell me about {match.group(1)}?"
    if match := _DO.match(text):
        aux, rest = match.groups()
        return f"How {aux.lower()} {rest}?"
    if match := _AUX.match(text):
        aux, subject, rest = match.groups()
        return f"How would you describe whether {subject} {aux.lower()} {rest}?"
    return f"What has your experience been with this: {text.rstrip('?')}?"


def _topic_fact(folded: str, known: list[KnownFact], org: str) -> KnownFact | None:
    if not (_FACTUAL_TOPIC.match(folded) and re.search(org, folded)):
        return None
    for pattern, kinds in _TOPIC_KINDS:
        if pattern.search(folded):
            fact = next((f for f in known if f.kind in kinds), None)
            if fact:
                return fact
    return None


def _answered_by_research(folded: str, known: list[KnownFact], org: str) -> Finding | None:
    if not known:
        return None
    if _SUBJECTIVE.search(folded):
        return None
    fact = _topic_fact(folded, known, org) or best_overlap(content_words(folded), known)
    if fact is None:
        return None
    return Finding(
        "answered_by_research",
        "Your research already answers this.",
        "Build on what you know, e.g. 'I read that ...; how does that show up day to day?'",
        fact.evidence(),
    )
