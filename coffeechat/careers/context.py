"""The few O*NET Work Context elements that say where and when the work happens.

O*NET rates about sixty work-context elements; a career dossier needs a handful.
Elements are recognised by name (case-insensitive prefix), because element IDs have
moved between releases while the names stayed readable.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Topic:
    key: str
    label: str
    group: str  # setting, hours or people
    prefixes: tuple[str, ...]


TOPICS: tuple[Topic, ...] = (
    Topic("indoors", "Indoors, climate-controlled", "setting", ("indoors, environmentally",)),
    Topic("indoors_raw", "Indoors, not climate-controlled", "setting", ("indoors, not",)),
    Topic("outdoors", "Outdoors, exposed to weather", "setting", ("outdoors, exposed",)),
    Topic("outdoors_cover", "Outdoors, under cover", "setting", ("outdoors, under cover",)),
    Topic("open_vehicle", "In an open vehicle or equipment", "setting", ("in an open vehicle",)),
    Topic("vehicle", "In an enclosed vehicle or equipment", "setting", ("in an enclosed vehicle",)),
    Topic("week", "Typical work week", "hours", ("duration of typical work week",)),
    Topic("schedule", "Work schedule", "hours", ("work schedules",)),
    Topic("proximity", "Physical closeness to others", "people", ("physical proximity",)),
    Topic("face_to_face", "Face-to-face discussions", "people", ("face-to-face",)),
    Topic("email", "E-mail", "people", ("e-mail", "electronic mail")),
    Topic(
        "team",
        "Work in a group or team",
        "people",
        ("work with work group", "work with or contribute to a work group"),
    ),
    Topic("public", "Dealing with the public", "people", ("deal with external customers",)),
    Topic("sitting", "Time spent sitting", "people", ("spend time sitting",)),
)

_BY_KEY = {topic.key: topic for topic in TOPICS}


@lru_cache(maxsize=256)
def topic_for(element_name: str) -> Topic | None:
    """The topic an O*NET Work Context element belongs to, or None if we do not show it."""
    name = element_name.strip().lower()
    for topic in TOPICS:
        if name.startswith(topic.prefixes):
            return topic
    return None


def topic(key: str) -> Topic:
    return _BY_KEY[key]
