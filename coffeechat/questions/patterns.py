"""The word patterns the linter's rules look for, kept apart from the rules themselves.

Every pattern runs over folded text (lower case, straight apostrophes, single spaces).
"""

from __future__ import annotations

import re
from functools import lru_cache


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
def org_pattern(names: tuple[str, ...]) -> str:
    named = [re.escape(fold(n)) for n in names if n.strip()]
    return "(?:" + "|".join([_ORG_WORDS, *named]) + ")"


JOB_ASK = _rx(
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
    r"\b(?:can|could|may) i (?:come )?work (?:for|with) you\b",
)

FAVOUR_ASK = _rx(
    r"\b(?:be|become) my mentor\b",
    r"\bmentor me\b",
    r"\b(?:review\w*|look\w* (?:over|at|through)|check\w*|critiqu\w*|edit\w*|proofread\w*"
    r"|read\w*|fix\w*|go\w* (?:over|through)) my "
    r"(?:r[ée]sum[ée]|cv|cover letter|portfolio|linkedin)",
)

PAY = _rx(
    r"\b(?:salary|salaries|compensation|comp package|bonus(?:es)?|benefits|vacation|pto"
    r"|paid time off|stock options?|equity|perks|401k|pension|raises?|wages?|pay ?check"
    r"|paid leave|sick days|time off)\b",
    r"\b(?:what|how much) (?:does|do|would|will|can) (?:[\w'-]+ ){1,4}pay\b",
    r"\bpay (?:ranges?|scales?|bands?|levels?|grades?|rises?)\b",
    r"\bhow much (?:does|do|would|will|can) (?:a|an|the|someone|people) .{0,40}\b(?:make|earn)\b",
    r"\b(?:the|your|my|starting|entry[- ]level|base|good|typical|what's the) pay\b(?! attention)",
)
FIELD_LEVEL = _rx(
    r"\btypical(?:ly)?\b",
    r"\brange\b",
    r"\b(?:in|across) (?:this|the|your) (?:field|industry|profession|line of work)\b",
    r"\bmarket rate\b",
)

TOO_PERSONAL = _rx(
    r"\bhow much (?:money )?(?:do|did|will) you (?:make|earn|get paid|take home|bring in)\b",
    r"\bwhat do you (?:make|earn)\b(?! of)",
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

NEGATIVE_PRESS = _rx(
    r"\b(?:layoffs?|laid off|scandal|lawsuits?|sued|controvers(?:y|ies)|bad press|fraud"
    r"|data breach|cover[- ]up|misconduct|strikes?|walkouts?)\b",
)

LEADING = _rx(
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
OPEN_WRAPPER = re.compile(
    r"^(?:could|can|would|will) you (?:please )?(?:tell|describe|walk|share|explain|talk|"
    r"give me (?:an example|a sense|a picture)|say more|elaborate|help me understand|paint|"
    r"take me|outline|expand|point me|sketch)\b"
    r"|^would you (?:mind )?(?:telling|describing|walking|sharing|explaining|talking)\b"
)
YES_NO = re.compile(
    r"^(?:do|does|did|is|are|was|were|have|has|had|can|could|will|would|should|shall|may|"
    r"might|am)\b"
)
ONE_WORD = re.compile(
    r"^(?:how many|how long|how often|what year|when did|when was|when is|how old|which one)\b"
)
DOUBLE = re.compile(
    r"(?:[,;]|\b(?:and|or|but|also|plus)\b)\s+(?:also |then |if so,? )?"
    r"(?:what|how|why|where|when|who|which|whether|do you|does (?:it|that|the)|did you|"
    r"would you|could you|can you|will you|is there|are there|is it|have you|has it|"
    r"should i|may i|can i)\b"
)
LEAD_CLAUSE = re.compile(
    r"^(?:when|if|as|while|since|once|before|after|where|because|now that|looking back|given)"
    r"(?! (?:do|does|did|is|are|was|were|have|has|had|can|could|will|would|should)\b)"
    r"[^,?]*, "
)
QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")
WH = re.compile(r"\b(?:what|how|why|where|when|who|which|whether)\b")


@lru_cache(maxsize=64)
def searchable_patterns(org: str) -> re.Pattern[str]:
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
# What a factual question asks for, when the research may hold it; True marks topics that
# only count when the question names the organization.
TOPIC_KINDS: tuple[tuple[re.Pattern[str], frozenset[str], bool], ...] = (
    (re.compile(r"\bmission\b|\bpurpose\b"), frozenset({"mission"}), False),
    (re.compile(r"\bvision\b"), frozenset({"vision"}), False),
    (re.compile(r"\b(?:core )?values\b"), frozenset({"value"}), False),
    (
        re.compile(r"\bproducts?\b|\bservices\b|\b(?:make|sell|build|offer)\b"),
        frozenset({"product"}),
        True,
    ),
    (
        re.compile(r"\b(?:news|announce\w*|acqui\w+|merger|launch\w*|raised|funding)\b"),
        frozenset({"news"}),
        True,
    ),
)
FACTUAL_TOPIC = re.compile(r"^(?:what|which|when|where|who)\b|^(?:do|does|did|is|are|has|have)\b")
# Words that make a question about the person's view or experience: research cannot answer it.
SUBJECTIVE = re.compile(
    r"\b(?:think|feel|like|love|enjoy|drew|draw|drawn|surpris\w*|advice|advise|recommend|"
    r"suggest|wish|learn\w*|favou?rite|best|worst|hardest|most|least|challeng\w*|chang\w*|"
    r"differ\w*|decid\w*|choose|chose|why|experience|compare|expect|see|view|opinion|prefer|"
    r"matter\w*|mean|shape|handle|approach|balance|would|should|hope|proud|excit\w*|"
    r"reward\w*|hard|easy|struggle|thrive|misunderst\w*|wrong)\b"
)
