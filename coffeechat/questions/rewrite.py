"""Open rewrites of yes/no questions: a starting point the user can polish."""

from __future__ import annotations

import re

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
