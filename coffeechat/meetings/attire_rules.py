"""The fixed knowledge behind attire advice: levels, industry norms, cue words, checklists."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Least to most formal; advice moves along this scale by index.
LEVELS: tuple[str, ...] = (
    "casual",
    "smart_casual",
    "business_casual",
    "business_professional",
    "business_formal",
)

LEVEL_LABELS: dict[str, str] = {
    "casual": "casual",
    "smart_casual": "smart casual",
    "business_casual": "business casual",
    "business_professional": "business professional",
    "business_formal": "business formal",
}

LEVEL_OUTFITS: dict[str, str] = {
    "casual": "Clean everyday clothes: jeans or chinos and a plain top, nothing worn out.",
    "smart_casual": "Dark jeans or chinos with a collared shirt, neat knit or blouse; clean shoes.",
    "business_casual": "Trousers or a skirt with a button-down shirt or blouse; a blazer is an "
    "easy extra; polished shoes.",
    "business_professional": "A suit or tailored separates in a quiet colour; tie optional; "
    "polished shoes.",
    "business_formal": "A dark, conservative suit with a tie or the equivalent; understated "
    "accessories.",
}


@dataclass(frozen=True)
class IndustryNorm:
    name: str
    everyday: str
    note: str


# (words that identify the industry, its norm). Everyday levels are set so that one step up
# lands on the usual advice for that field: a suit for finance, a conservative suit for law,
# business casual for tech, health, education and nonprofits.
_INDUSTRIES: tuple[tuple[tuple[str, ...], IndustryNorm], ...] = (
    (
        ("law", "legal", "attorney", "attorneys", "solicitor", "solicitors"),
        IndustryNorm(
            "law",
            "business_professional",
            "Law is among the most conservative fields; people wear suits at work.",
        ),
    ),
    (
        (
            "finance",
            "financial",
            "bank",
            "banking",
            "investment",
            "investments",
            "insurance",
            "accounting",
            "asset",
            "equity",
            "hedge",
            "wealth",
            "trading",
        ),
        IndustryNorm(
            "finance",
            "business_casual",
            "Finance dresses business casual or better day to day, and visitors are expected "
            "in a suit.",
        ),
    ),
    (
        ("consulting", "consultancy", "advisory"),
        IndustryNorm(
            "consulting",
            "business_casual",
            "Consultants dress business casual in the office and smarter for clients.",
        ),
    ),
    (
        (
            "software",
            "tech",
            "technology",
            "internet",
            "saas",
            "startup",
            "it",
            "computing",
            "data",
            "ai",
            "cloud",
            "cybersecurity",
            "games",
            "gaming",
        ),
        IndustryNorm(
            "tech",
            "casual",
            "Tech offices are mostly casual; a suit there can mark you as a job seeker.",
        ),
    ),
    (
        (
            "design",
            "advertising",
            "media",
            "arts",
            "art",
            "fashion",
            "film",
            "music",
            "entertainment",
            "publishing",
            "creative",
            "architecture",
            "marketing",
        ),
        IndustryNorm(
            "creative",
            "casual",
            "Creative fields allow latitude and personal style; a jacket lifts any outfit.",
        ),
    ),
    (
        (
            "health",
            "healthcare",
            "hospital",
            "medical",
            "clinic",
            "pharma",
            "pharmaceutical",
            "pharmaceuticals",
            "biotech",
            "life sciences",
        ),
        IndustryNorm(
            "healthcare",
            "smart_casual",
            "Outside clinical uniforms, healthcare offices are usually smart to business casual.",
        ),
    ),
    (
        (
            "government",
            "public sector",
            "public administration",
            "federal",
            "civil service",
            "policy",
        ),
        IndustryNorm(
            "government",
            "smart_casual",
            "Government offices are usually business casual; in conservative capitals a suit "
            "is common, so look at what people there wear.",
        ),
    ),
    (
        (
            "nonprofit",
            "non-profit",
            "charity",
            "ngo",
            "foundation",
            "education",
            "university",
            "school",
            "academic",
            "academia",
            "research",
        ),
        IndustryNorm(
            "nonprofit and education",
            "smart_casual",
            "Nonprofits, schools and universities are usually smart casual to business casual.",
        ),
    ),
)


def industry_norm(industry: str | None) -> IndustryNorm | None:
    """The dress norm of a free-text industry ("Investment banking" -> finance), if known."""
    if not industry:
        return None
    words = " ".join(re.findall(r"[a-z]+(?:-[a-z]+)?", industry.lower()))
    for keys, norm in _INDUSTRIES:
        for key in keys:
            if re.search(rf"\b{re.escape(key)}\b", words):
                return norm
    return None


# A sentence that names a level outright is taken at its word (most formal name first, so
# "business casual" is not read as "casual").
_NAMED_LEVELS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), level)
    for pattern, level in (
        (r"\bbusiness formal\b|\bblack tie\b|\bformal (?:attire|dress|wear)\b", "business_formal"),
        (r"\bbusiness professional\b|\bprofessional attire\b", "business_professional"),
        (r"\bbusiness casual\b", "business_casual"),
        (r"\bsmart casual\b|\bcasual smart\b", "smart_casual"),
        (r"\bno dress code\b|\bdress for your day\b|\bwear what(?:ever)? you like\b", "casual"),
    )
)
# Otherwise the clothes it mentions tell: "no suits" or "ties are rare" cancel the suit and
# cap the reading; jeans with a blazer read as smart casual.
_NO_SUITS = re.compile(
    r"\b(?:no|nobody|without|never|rarely|seldom|not|ditch(?:ed)?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:suits?|ties?)\b"
    r"|\b(?:suits?|ties?)(?:\s+(?:and|or)\s+(?:suits?|ties?))?\s+(?:are|is)\s+"
    r"(?:rare|optional|uncommon|unusual|not (?:needed|required|expected))\b",
    re.IGNORECASE,
)
_SUITS = re.compile(r"\bsuits?\b|\bties?\b|\bsuited\b", re.IGNORECASE)
_SMART = re.compile(
    r"\bblazers?\b|\bslacks\b|\bbutton-downs?\b|\bcollared\b|\bdress shirts?\b"
    r"|\bblouses?\b|\bsport coats?\b",
    re.IGNORECASE,
)
_CASUAL = re.compile(
    r"\bjeans\b|\bhoodies?\b|\bt-shirts?\b|\bsneakers\b|\bshorts\b|\bflip-flops\b"
    r"|\bcasual\b|\brelaxed\b",
    re.IGNORECASE,
)


def cue_level(text: str) -> str | None:
    """The everyday dress level a research sentence describes, or None if it names none."""
    for pattern, level in _NAMED_LEVELS:
        if pattern.search(text):
            return level
    negated = bool(_NO_SUITS.search(text))
    rest = _NO_SUITS.sub(" ", text)
    smart, casual = bool(_SMART.search(rest)), bool(_CASUAL.search(rest))
    if _SUITS.search(rest):
        return "business_professional"
    if smart:
        return "smart_casual" if casual else "business_casual"
    if casual:
        return "casual"
    return "smart_casual" if negated else None


CHECKLIST_VIDEO: tuple[str, ...] = (
    "Look at your camera preview: head and shoulders in frame, camera at eye level.",
    "Check what is behind you: a plain, tidy background, nothing private on show.",
    "Light your face from the front (a window or lamp behind the screen), not from behind.",
    "Test the link, microphone and speakers a few minutes early; headphones stop echo.",
    "Solid colours look calmer on camera than fine stripes or busy prints.",
    "Silence notifications and close other windows.",
)

CHECKLIST_PHONE: tuple[str, ...] = (
    "A quiet room, a charged phone and a good signal.",
    "Your questions and their name in front of you, with a pen to take notes.",
    "Confirm who calls whom and on which number.",
)

CHECKLIST_IN_PERSON: tuple[str, ...] = (
    "Clothes clean, pressed and fitting; hair and nails neat; light on scent.",
    "A notebook and pen, with your questions and their name written at the top.",
    "Arrive 10 to 15 minutes early; know the route and where to wait.",
    "Phone on silent and out of sight.",
    "A couple of résumé copies in a folder, offered only if they ask.",
)

CHECKLIST_PAY: dict[str, str] = {
    "coffee": "You invited them, so you pay for the coffee; have a card ready.",
    "meal": "You invited them, so you pay for the meal; settle it discreetly.",
}
