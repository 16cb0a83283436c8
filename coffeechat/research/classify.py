"""Sort the sentences of extracted text into fact kinds, with a confidence.

Rules, not a model: the heading a sentence sits under ("Our mission", "Values",
"Life at …"), its phrasing ("we exist to", "our purpose is", "we believe"), and whether
it is a list item. Precision comes first: a sentence that fits no rule confidently is
left out, because a wrong mission misleads more than a missing one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from coffeechat.research.extract import Block, Extracted
from coffeechat.vocab import FactKind as K

MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Found:
    kind: str
    start: int
    end: int
    confidence: float


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


_WORD = re.compile(r"[a-z0-9©]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class _Cue:
    """A phrasing rule, tried only when one of its trigger words occurs (regexes are slow)."""

    triggers: frozenset[str]
    pattern: re.Pattern[str]

    def found(self, text: str, words: frozenset[str]) -> bool:
        return not self.triggers.isdisjoint(words) and self.pattern.search(text) is not None


def _cue(triggers: str, *patterns: str) -> _Cue:
    return _Cue(frozenset(triggers.split()), _any(*patterns))


# What a section heading says its sentences are about.
_SECTION_RULES: tuple[tuple[K, re.Pattern[str]], ...] = (
    (K.MISSION, _any(r"\bmission\b", r"\bpurpose\b", r"\bwhy we exist\b", r"\bwhat drives us\b")),
    (K.VISION, _any(r"\bvision\b", r"\bwhere we.re going\b")),
    (
        K.VALUE,
        _any(r"\bvalues\b", r"\bprinciples\b", r"\bwhat we (believe|stand for)\b", r"\bbeliefs\b"),
    ),
    (
        K.GOAL,
        _any(
            r"\bgoals?\b",
            r"\bstrateg(y|ic)\b",
            r"\bobjectives\b",
            r"\bpriorities\b",
            r"\btargets\b",
            r"\broadmap\b",
            r"\bcommitments\b",
            r"\bthe years ahead\b",
        ),
    ),
    (
        K.CULTURE,
        _any(
            r"\bculture\b",
            r"\blife (at|with|on)\b",
            r"\bworking (here|at|with us)\b",
            r"\bcareers?\b",
            r"\bjoin (us|our team)\b",
            r"\bbenefits\b",
            r"\bperks\b",
            r"\bhow we work\b",
            r"\bour (people|team)\b",
            r"\binclusion\b",
            r"\bbelonging\b",
        ),
    ),
    (
        K.NEWS,
        _any(
            r"\bnews\b",
            r"\bpress\b",
            r"\bannouncements?\b",
            r"\blatest\b",
            r"\bupdates\b",
            r"\bmilestones\b",
            r"\bwhat.s new\b",
            r"\bheadlines\b",
        ),
    ),
    (
        K.PRODUCT,
        _any(
            r"\bproducts?\b",
            r"\bservices\b",
            r"\bwhat we (do|make|build|offer)\b",
            r"\bsolutions\b",
            r"\bprogram(me)?s\b",
            r"\bour work\b",
            r"\bofferings\b",
            r"\bhow it works\b",
            r"\bplatform\b",
            r"\bdegrees\b",
        ),
    ),
    (K.DRESS_CUE, _any(r"\bdress code\b", r"\bwhat to wear\b", r"\battire\b")),
)

_APPEAL = _any(r"\b(support|donate|donations?|give|giving|contact|subscribe|sponsor)\b")
_MISSION = _cue(
    "mission exist exists founded created established set purpose",
    r"\b(our|the|its|their|(?!(role|position|job|team|internship|project|trip)['’]s)[\w&-]+['’]s)"
    r" (core |central |primary |whole |simple )?mission"
    r" (is|has always been|remains|has been)\b(?! (unchanged|the same|why|what))",
    r"\bmission statement (is|reads)\b",
    r"^the mission of (the )?[\w&'’ -]{1,60}? is to\b",
    r"^(our )?mission:\s",
    r"\bwe exist (to|so that|because)\b",
    r"\b(exists|was (founded|created|established|set up)) (to|so that)\b",
    r"\bour (core |whole )?purpose (is|has always been)\b",
    r"^(our )?purpose:\s",
    r"\bon a mission to\b",
)
_VISION = _cue(
    "vision envision imagine picture dream world future society",
    r"\b(our|the|its) vision (is|for)\b",
    r"^(our )?vision:\s",
    r"\bwe envision\b",
    r"\bwe (imagine|picture|dream of|work toward|are building) a (world|future|society)\b",
    r"^imagine a (world|future)\b",
)
_VALUE = _cue(
    "believe value values guided hold",
    r"^we believe\b",
    r"\bwe (deeply |firmly )?(value|believe in|hold ourselves to)\b",
    r"\bour (core )?values (are|include)\b",
    r"\bwe are guided by\b",
)
_GOAL = _cue(
    "goal goals aim aims target targets objective objectives ambition ambitions plan intend"
    " pledge pledged committed commit by strategic net carbon",
    r"\bour (main |chief |first |next )?(goal|aim|target|objective|ambition)s? (is|are|for)\b",
    r"\bwe (aim|plan|intend|pledge|have pledged|have committed|are committed|commit) to\b",
    r"\bby (the end of )?20\d\d\b[^.]*\b(we will|we'll|will|aim|plan|to)\b",
    r"\b(strategic plan|net[- ]zero|carbon[- ]neutral)\b",
)
_DRESS = _cue(
    "dress business smart casual jeans suit suits ties uniform uniforms shirt shirts hoodie"
    " hoodies sneakers lab scrubs steel formal come closed hard high",
    r"\bdress code\b",
    r"\bbusiness (casual|attire|formal|dress)\b",
    r"\bsmart casual\b",
    r"\bcasual fridays?\b",
    r"\bjeans\b",
    r"\b(wear|wearing|wore|in) (a )?suits?\b",
    r"\bsuits? and ties?\b",
    r"\bties\b(?= (are|optional))",
    r"\buniforms?\b(?! (standards?|rules?|pricing|approach))",
    r"\bt-shirts?\b",
    r"\bhoodies?\b",
    r"\bsneakers\b",
    r"\blab coats?\b",
    r"\bscrubs\b",
    r"\bsteel[- ]toe",
    r"\bclosed[- ]toe",
    r"\bhard hats?\b",
    r"\bhigh[- ]visibility\b",
    r"\bdress (down|up|for your day|comfortably)\b",
    r"\bformal (attire|wear|clothes|clothing)\b",
    r"\bcome as you are\b",
)
_CULTURE = _cue(
    "hybrid remote work flexible balance parental family mentoring mentorship mentors learning"
    " inclusive inclusion diversity belonging our small cross autonomous employees staff"
    " colleagues teammates",
    r"\b(hybrid|remote[- ](first|friendly)|work from (home|anywhere))\b",
    r"\bflexible (hours|working|schedules?|work)\b",
    r"\bwork[- ]life balance\b",
    r"\b(parental|family) leave\b",
    r"\bmentor(ing|ship|s)\b",
    r"\blearning (budget|days?|stipend)\b",
    r"\b(inclusive|inclusion|diversity|belonging)\b",
    r"\b(our|small|cross-functional|autonomous) teams?\b",
    r"\b(employees|staff|colleagues|teammates)\b",
)
_PRODUCT = _cue(
    "make build design develop manufacture provide offer sell operate deliver publish produce"
    " grow roast repair run teach train fund our makes builds designs develops"
    " manufactures provides offers sells operates runs delivers publishes produces writes",
    r"\bwe (make|build|design|develop|manufacture|provide|offer|sell|operate|deliver|publish"
    r"|produce|grow|roast|repair|run|teach|train|fund)\b",
    r"^[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)* (makes|builds|designs|develops|manufactures|provides"
    r"|offers|sells|operates|runs|delivers|publishes|produces|writes)\b",
    r"\bour (products?|platform|software|services?|app|tools?|programs?|courses|clinics)\b",
)
_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?"
    r"|oct(ober)?|nov(ember)?|dec(ember)?)\.?"
)
_YEARISH = re.compile(r"(?:19|20)\d\d")
_DATE = re.compile(
    rf"\b{_MONTH} (\d{{1,2}}(st|nd|rd|th)?,? )?(19|20)\d\d\b|\b(19|20)\d\d-\d\d-\d\d\b"
    rf"|\b\d{{1,2}} {_MONTH} (19|20)\d\d\b|^(in|on) (19|20)\d\d\b|^(19|20)\d\d:",
    re.I,
)
_EVENT = _cue(
    "announced launched opened acquired raised partnered appointed named won released signed"
    " unveiled received awarded completed expanded joined hired celebrated introduced merged"
    " published broke welcomed reached",
    r"\b(announced|launched|opened|acquired|raised|partnered|appointed|named|won|released"
    r"|signed|unveiled|received|awarded|completed|expanded|joined|hired|celebrated|introduced"
    r"|merged|published|broke ground|welcomed|reached)\b",
)
# Sentences that are page furniture, never facts.
_NOISE = _cue(
    "cookie cookies rights © privacy click tap learn read find subscribe sign newsletter"
    " terms skip",
    r"\bcookies?\b",
    r"\ball rights reserved\b",
    r"©",
    r"\bprivacy (policy|notice)\b",
    r"\b(click|tap) here\b",
    r"\b(learn|read|find out) more\b",
    r"\bsubscribe\b",
    r"\bsign up\b",
    r"\bnewsletter\b",
    r"\bterms of (use|service)\b",
    r"\bskip to\b",
)
_ABBREVIATIONS = re.compile(
    r"\b(inc|ltd|co|corp|dr|mr|mrs|ms|st|no|vs|etc|e\.g|i\.e|u\.s|jan|feb|mar|apr|aug|sept?"
    r"|oct|nov|dec|prof|jr|sr)\.$",  # searched in the last few characters only
    re.I,
)
_INITIAL = re.compile(r"(?:^|\W)[A-Z]\.$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“(]?[A-Z0-9])")


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of the sentences in ``text[start:end]`` (abbreviations do not end one)."""
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        tail = text[max(begin, match.start() - 6) : match.start() + 1]  # enough for "sept."
        if _ABBREVIATIONS.search(tail) or _INITIAL.search(tail):
            continue
        yield begin, match.start() + len(match.group().rstrip())
        begin = match.end()
    if begin < end:
        yield begin, end


def heading_kinds(heading: str) -> set[K]:
    return {kind for kind, pattern in _SECTION_RULES if pattern.search(heading)}


def section_kind(block: Block) -> tuple[K | None, bool]:
    """The kind the nearest telling heading above ``block`` names (if exactly one), and
    whether that heading is the block's own (not an outer one)."""
    for depth, heading in enumerate(reversed(block.headings)):
        if _APPEAL.search(heading):  # "Support our work" asks for money; it describes nothing
            return None, False
        kinds = heading_kinds(heading)
        if len(kinds) == 1:
            return kinds.pop(), depth == 0
        if kinds:  # "Mission and values": phrasing decides
            return None, False
    return None, False


# Openings that lead up to a statement rather than make one: a question, an introduction
# ending in a colon, or a piece of history ("Since 1951, …").
_HISTORY = re.compile(
    r"^(since|founded|established|started|back in)\b|^(in|by) (19|20)\d\d\b"
    r"|^for (over |more than |nearly |almost )?\w+ (years|decades)\b",
    re.I,
)


def _preamble(text: str) -> bool:
    return text.rstrip().endswith(("?", ":")) or _HISTORY.match(text) is not None


def classify(doc: Extracted) -> list[Found]:
    """The facts in ``doc``, in text order; at most one kind per sentence."""
    found: list[Found] = []
    opened: set[tuple[str, ...]] = set()  # sections whose first real sentence has passed
    sections: dict[tuple[str, ...], tuple[K | None, bool]] = {}
    for block in doc.blocks:
        if block.headings not in sections:
            sections[block.headings] = section_kind(block)
        section, direct = sections[block.headings]
        if block.kind == "heading":
            heading = doc.text[block.start : block.end]
            if _MISSION.found(heading, _words(heading)):
                found.append(Found(K.MISSION.value, block.start, block.end, 0.85))
                opened.add((*block.headings, heading))  # the heading said it already
            elif section == K.VALUE and block.level >= 3:
                found.append(Found(K.VALUE.value, block.start, block.end, 0.6))
            continue
        spans = [(block.start, block.end)]
        if block.kind != "item" or block.end - block.start > 300:
            spans = list(sentences(doc.text, block.start, block.end))
        for start, end in spans:
            text = doc.text[start:end]
            leading = direct and block.headings not in opened
            verdict = _judge(text, block, section, direct, leading)
            if verdict is not None and verdict[1] >= MIN_CONFIDENCE:
                found.append(Found(verdict[0].value, start, end, verdict[1]))
            if len(text.split()) >= 6 and not _preamble(text):
                opened.add(block.headings)
    return found


def _judge(
    text: str, block: Block, section: K | None, direct: bool, leading: bool
) -> tuple[K, float] | None:
    """The kind and confidence of one sentence (or list item), or None.

    ``direct`` says the telling heading is the block's own; an outer heading (a page
    title such as "Careers at …") is weaker evidence, so it only backs up phrasing.
    """
    words = len(text.split())
    vocabulary = _words(text)
    value_name = section == K.VALUE and block.kind == "item"  # "Integrity" alone is a value
    if (words < 3 and not value_name) or words > 90 or text.rstrip().endswith(("?", ":")):
        return None
    if _NOISE.found(text, vocabulary):
        return None
    if _MISSION.found(text, vocabulary):
        return K.MISSION, 0.95 if section == K.MISSION else 0.9
    if _VISION.found(text, vocabulary):
        return K.VISION, 0.9 if section == K.VISION else 0.8
    if (
        section in (K.MISSION, K.VISION)
        and leading
        and block.kind == "paragraph"
        and words >= 6
        and not _preamble(text)
    ):
        assert section is not None
        return section, 0.8
    if _DRESS.found(text, vocabulary):
        return K.DRESS_CUE, 0.8
    if section == K.DRESS_CUE and direct and words >= 4:
        return K.DRESS_CUE, 0.7
    dated = _YEARISH.search(text) and _DATE.search(text)
    if section == K.NEWS and dated:
        return K.NEWS, 0.85
    if dated and _EVENT.found(text, vocabulary) and section is None:
        return K.NEWS, 0.65
    if section == K.VALUE:
        return K.VALUE, 0.8 if block.kind == "item" else 0.65
    if _VALUE.found(text, vocabulary):
        return K.VALUE, 0.7
    if _GOAL.found(text, vocabulary):
        return K.GOAL, 0.75 if section == K.GOAL else 0.65
    if section == K.GOAL and direct and words >= 5:
        return K.GOAL, 0.6
    culture = _CULTURE.found(text, vocabulary)
    product = _PRODUCT.found(text, vocabulary)
    if section == K.CULTURE and culture:
        return K.CULTURE, 0.75
    if product:
        return K.PRODUCT, 0.7 if section == K.PRODUCT else 0.55
    if section in (K.CULTURE, K.PRODUCT) and direct and words >= 5:
        return section, 0.6
    if culture and re.search(r"\b(we|our|you'll|you will)\b", text, re.I):
        return K.CULTURE, 0.55
    return None
