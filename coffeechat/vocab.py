"""The fixed words of the domain (stages, venues, how people met, fact kinds).

Kept free of heavy imports so the command line can offer them as choices instantly.
"""

from __future__ import annotations

import enum


class HowMet(enum.StrEnum):
    ALUMNI = "alumni"
    REFERRAL = "referral"
    EVENT = "event"
    COLD = "cold"
    LINKEDIN = "linkedin"
    OTHER = "other"


class Stage(enum.StrEnum):
    IDEA = "idea"
    REQUESTED = "requested"
    SCHEDULED = "scheduled"
    HELD = "held"
    THANKED = "thanked"
    CLOSED = "closed"
    DECLINED = "declined"
    NO_REPLY = "no_reply"


class Focus(enum.StrEnum):
    COMPANY = "company"
    CAREER = "career"
    BOTH = "both"


class Venue(enum.StrEnum):
    OFFICE = "office"
    COFFEE = "coffee"
    VIDEO = "video"
    PHONE = "phone"
    MEAL = "meal"


class ContactKind(enum.StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"


class FactKind(enum.StrEnum):
    MISSION = "mission"
    VISION = "vision"
    VALUE = "value"
    GOAL = "goal"
    CULTURE = "culture"
    PRODUCT = "product"
    NEWS = "news"
    DRESS_CUE = "dress_cue"
    BACKGROUND = "background"
    QUALIFICATION = "qualification"
    WORKPLACE = "workplace"
    TYPICAL_DAY = "typical_day"
    OUTLOOK = "outlook"


class FactStatus(enum.StrEnum):
    NEW = "new"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class MessageKind(enum.StrEnum):
    OUTREACH = "outreach"
    FOLLOW_UP = "follow_up"
    CONFIRMATION = "confirmation"
    THANK_YOU = "thank_you"
    UPDATE = "update"
    KEEP_IN_TOUCH = "keep_in_touch"
