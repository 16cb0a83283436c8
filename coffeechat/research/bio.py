"""The interviewee's background, from a pasted bio or a profile saved as PDF.

Two readers: one for the profile PDF layout (an "Experience" section of company, title and
date-range lines such as "Jan 2019 - Present (5 years)", then an "Education" section of
school and degree lines), one for prose ("She joined Northfield Bank as an analyst in
2019"). Both return roles and schools tied to exact spans of the text, stored as
background facts on the person. Schools and employers shared with the user's own profile
become suggested openers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from coffeechat.research.classify import Found, sentences
from coffeechat.vocab import FactKind

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WHEN = rf"(?:{_MONTHS}\s+)?(?:19|20)\d\d"
_RANGE = re.compile(
    rf"^(?P<start>{_WHEN})\s*[-–—]\s*(?P<end>{_WHEN}|present|now|current)\s*(?:\((?P<span>[^)]*)\))?$",
    re.I,
)
_DURATION = re.compile(r"^(?:\d+ (?:years?|yrs?|months?|mos?)\s*)+$", re.I)
_DEGREE_YEARS = re.compile(rf"\(\s*(?P<start>{_WHEN})\s*[-–—]\s*(?P<end>{_WHEN})\s*\)", re.I)
_SECTIONS = {
    "summary", "experience", "education", "skills", "top skills", "languages", "contact",
    "certifications", "honors-awards", "honors & awards", "publications", "projects",
    "volunteer experience", "interests", "recommendations",
}  # fmt: skip
_PAGE_MARK = re.compile(r"^page \d+ of \d+$", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NAME = r"(?:the )?[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|and|&|for|de|la))*"
_SCHOOL_WORDS = r"(?:University|College|Institute|School|Academy|Polytechnic|Conservatory)"
_SCHOOL = re.compile(
    rf"\b(?:University of [A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*"
    rf"|(?:[A-Z][\w&.'-]*\s+)+{_SCHOOL_WORDS}(?:\s+of\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)?)"
)
_STUDY = re.compile(
    r"\b(graduated|studied|degree|holds an?|earned|alumn|attended|B\.?A\b|B\.?S\b|MBA|Ph\.?D"
    r"|master'?s|bachelor'?s|diploma)",
    re.I,
)
_ROLE_PATTERNS = (
    re.compile(
        rf"\bjoined (?P<org>{_NAME})(?: in (?P<year>(?:19|20)\d\d))? as (?:an? |the |its )?"
        rf"(?P<title>[\w ,&/-]+?)(?=[,.;]| in (?:19|20)\d\d|$)"
    ),
    re.compile(
        rf"\b(?:is|was|as)\s+(?:the |a |an )?(?P<title>(?:co-?)?founder|president|chair"
        rf"|chief executive|executive director|CEO)\s+of\s+(?P<org>{_NAME})"
    ),
    re.compile(
        rf"(?i:\b(?:is|was|works as|worked as|serves as|served as|became|spent \w+ years as"
        rf"|currently|now|previously|before that,?))\s+"
        rf"(?i:(?:working|worked|serving|served) as\s+)?(?:an? |the )?"
        rf"(?P<title>(?:[A-Za-z][\w/&-]*\s+){{0,5}}?[A-Za-z][\w/&-]*)\s+(?:at|with|for)\s+"
        rf"(?P<org>{_NAME})"
    ),
)
# "Before that, she worked as a policy analyst at …": the title starts after "as a".
_LEADING_VERB = re.compile(
    r"^(?:(?:he|she|they|i|we)\s+)?(?:worked|served|works|serves|was|is|spent \w+ years)\s+as"
    r"\s+(?:an?\s+|the\s+)?",
    re.I,
)
_PAST = re.compile(
    r"\b(was|worked|served|spent|previously|before that|earlier|former|until)\b", re.I
)


@dataclass(frozen=True)
class Role:
    title: str
    organization: str
    start_year: int | None
    end_year: int | None
    current: bool
    start: int
    end: int


@dataclass(frozen=True)
class School:
    name: str
    degree: str
    start_year: int | None
    end_year: int | None
    start: int
    end: int


@dataclass(frozen=True)
class Background:
    roles: list[Role]
    schools: list[School]

    def facts(self) -> list[Found]:
        """One background fact per role and school, in text order (no duplicate spans)."""
        spans = {(role.start, role.end) for role in self.roles}
        spans |= {(school.start, school.end) for school in self.schools}
        return [Found(FactKind.BACKGROUND.value, start, end, 0.8) for start, end in sorted(spans)]


def _year(value: str | None) -> int | None:
    found = _YEAR.search(value or "")
    return int(found.group()) if found else None


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stripped text) of each non-empty line."""
    out = []
    for match in re.finditer(r"[^\n]+", text):
        stripped = match.group().strip()
        if stripped and not _PAGE_MARK.match(stripped):
            begin = match.start() + match.group().index(stripped)
            out.append((begin, begin + len(stripped), stripped))
    return out


def read_background(text: str) -> Background:
    """Roles and schools in a profile PDF's text or a prose bio."""
    lines = _lines(text)
    if any(line.lower() == "experience" for _, _, line in lines):
        return _read_profile(lines)
    return _read_prose(text)


def _section(lines: list[tuple[int, int, str]], name: str) -> list[tuple[int, int, str]]:
    inside, out = False, []
    for line in lines:
        lowered = line[2].lower()
        if lowered in _SECTIONS:
            inside = lowered == name
            continue
        if inside:
            out.append(line)
    return out


def _read_profile(lines: list[tuple[int, int, str]]) -> Background:
    roles: list[Role] = []
    experience = _section(lines, "experience")
    group: str | None = None  # a company listed once above several of its roles
    previous_date = -10
    for index, (_, end, line) in enumerate(experience):
        match = _RANGE.match(line)
        if not match or index < 1:
            continue
        title_start, _, title = experience[index - 1]
        before = experience[index - 2] if index >= 2 else None
        if before and _DURATION.match(before[2]) and index >= 3:
            group = experience[index - 3][2]
            company, span_start = group, experience[index - 3][0]
        elif group and (before is None or index - previous_date <= 3):
            company, span_start = group, title_start
        elif before:
            group = None
            company, span_start = before[2], before[0]
        else:
            continue
        current = match.group("end").lower() in ("present", "now", "current")
        roles.append(
            Role(
                title,
                company,
                _year(match.group("start")),
                None if current else _year(match.group("end")),
                current,
                span_start,
                end,
            )
        )
        previous_date = index
    return Background(roles, _profile_schools(_section(lines, "education")))


def _profile_schools(education: list[tuple[int, int, str]]) -> list[School]:
    schools: list[School] = []
    index = 0
    while index < len(education):
        start, end, name = education[index]
        degree, years = "", None
        following = education[index + 1] if index + 1 < len(education) else None
        if following and (_DEGREE_YEARS.search(following[2]) or "·" in following[2]):
            degree_line = following[2]
            years = _DEGREE_YEARS.search(degree_line)
            degree = degree_line.split("·")[0].strip(" ,")
            end = following[1]
            index += 1
        schools.append(
            School(
                name,
                degree,
                _year(years.group("start")) if years else None,
                _year(years.group("end")) if years else None,
                start,
                end,
            )
        )
        index += 1
    return schools


def _read_prose(text: str) -> Background:
    roles: list[Role] = []
    schools: list[School] = []
    for paragraph in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        for start, end in sentences(text, paragraph.start(), paragraph.end()):
            sentence = text[start:end]
            roles.extend(_prose_roles(sentence, start, end))
            if _STUDY.search(sentence):
                names = _SCHOOL.findall(sentence)
                for name in names:
                    school = re.sub(r"^(?:The|From|At|In)\s+", "", name.strip())
                    end_year = _school_year(sentence, name, alone=len(names) == 1)
                    schools.append(School(school, "", None, end_year, start, end))
    return Background(roles, schools)


def _school_year(sentence: str, name: str, *, alone: bool) -> int | None:
    """The year right after the school's name ("… College in 2015"), or the sentence's
    last year when it names one school only."""
    close = re.search(rf"{re.escape(name)}\W+(?:in\s+|class of\s+)?((?:19|20)\d\d)\b", sentence)
    if close:
        return int(close.group(1))
    years = _YEAR.findall(sentence)
    return int(years[-1]) if alone and years else None


def _prose_roles(sentence: str, start: int, end: int) -> list[Role]:
    roles: list[Role] = []
    years = [int(y) for y in _YEAR.findall(sentence)]
    past = bool(_PAST.search(sentence))
    for pattern in _ROLE_PATTERNS:
        for match in pattern.finditer(sentence):
            org = re.sub(r"^the\s+", "", match.group("org").strip()).rstrip(".")
            title = _LEADING_VERB.sub("", match.group("title").strip(" ,"))
            if re.search(_SCHOOL_WORDS, org) and _STUDY.search(sentence):
                continue  # "studied economics at X College" is a school, not a job
            first = years[0] if years else None
            last = years[1] if len(years) > 1 and past else None
            roles.append(Role(title, org, first, last, not past, start, end))
        if roles:
            break
    return roles


def _key(name: str) -> list[str]:
    words = re.sub(r"[^\w\s]", " ", name.casefold()).split()
    return [word for word in words if word not in ("the", "inc", "llc", "ltd", "co", "corp")]


def same_name(one: str, other: str) -> bool:
    """Whether two organization or school names are the same place, loosely."""
    a, b = _key(one), _key(other)
    if not a or not b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    joined, whole = " ".join(shorter), " ".join(longer)
    return joined == whole or f" {joined} " in f" {whole} "


def openers(
    background: Background, *, name: str, schools: Sequence[str], employers: Sequence[str]
) -> list[str]:
    """Shared schools and employers, phrased as conversation openers."""
    found: list[str] = []
    for school in background.schools:
        mine = next((s for s in schools if same_name(s, school.name)), None)
        if mine:
            when = f" (they finished in {school.end_year})" if school.end_year else ""
            found.append(f"You both studied at {school.name}{when}: ask what it was like then.")
    for role in background.roles:
        mine = next((e for e in employers if same_name(e, role.organization)), None)
        if mine:
            found.append(
                f"You have both worked at {role.organization}: {name} as {role.title}."
                " Ask how it has changed."
            )
    return list(dict.fromkeys(found))
