"""The JSON backup format, version 1 (documented in docs/backup-format.md).

Rows refer to each other by ``ref``: their 1-based position in their own list, in the
order they were created. Database ids are not kept, so a backup restores into any
database, and exporting the restored data gives the same file again.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

FORMAT = "coffeechat-backup"
VERSION = 1


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProfileV1(_Row):
    name: str | None
    email: str | None
    schools: list[str]
    employers: list[str]
    fields: list[str]
    country: str
    timezone: str


class OrganizationV1(_Row):
    ref: int
    name: str
    aliases: list[str]
    website: str | None
    domain: str | None
    industry: str | None
    size: str | None
    location: str | None
    notes: str
    created_at: datetime
    updated_at: datetime


class ContactV1(_Row):
    kind: Literal["email", "phone", "url"]
    value: str
    key: str
    label: str | None


class PersonV1(_Row):
    ref: int
    name: str
    title: str | None
    organization: int | None
    location: str | None
    how_met: str
    referred_by: int | None
    notes: str
    connected_on: date | None
    keep_in_touch_days: int | None
    contacts: list[ContactV1]
    tags: list[str]
    created_at: datetime
    updated_at: datetime


class CareerV1(_Row):
    ref: int
    onet_code: str | None
    title: str
    notes: str
    created_at: datetime


class QuestionV1(_Row):
    position: int
    bank_id: str | None
    text: str
    category: str
    stage: str
    why: str
    starred: bool
    state: str


class InterviewV1(_Row):
    ref: int
    person: int | None
    organization: int | None
    career: int | None
    focus: str
    stage: str
    goal: str
    requested_at: datetime | None
    replied_at: datetime | None
    scheduled_at: datetime | None
    duration_minutes: int | None
    held_at: datetime | None
    thanked_at: datetime | None
    closed_at: datetime | None
    stage_changed_at: datetime
    venue: str | None
    place: str | None
    link: str | None
    notes: str
    takeaways: list[str]
    attire: str | None
    questions: list[QuestionV1]
    created_at: datetime
    updated_at: datetime


class SourceV1(_Row):
    ref: int
    organization: int | None
    person: int | None
    career: int | None
    url: str | None
    content_hash: str
    media_type: str
    title: str
    text: str
    fetched_at: datetime


class FactV1(_Row):
    ref: int
    source: int
    organization: int | None
    person: int | None
    career: int | None
    kind: str
    text: str
    start: int
    end: int
    confidence: float
    status: str
    edited_text: str | None
    created_at: datetime


class MessageV1(_Row):
    ref: int
    interview: int | None
    person: int | None
    kind: str
    subject: str
    body: str
    due_at: datetime | None
    sent_at: datetime | None
    replied_at: datetime | None
    created_at: datetime


class TargetV1(_Row):
    """A target list entry: exactly one of organization or career."""

    ref: int
    organization: int | None
    career: int | None
    motivation: Annotated[int, Field(ge=0, le=3)]
    postings: Annotated[int, Field(ge=1, le=3)] | None
    notes: str
    created_at: datetime

    @model_validator(mode="after")
    def _one_subject(self) -> TargetV1:
        if (self.organization is None) == (self.career is None):
            raise ValueError("give exactly one of organization or career")
        return self


class EmploymentV1(_Row):
    """A past job of a person (the current one is the person's organization)."""

    ref: int
    person: int
    organization: int
    title: str | None
    start_year: int | None
    end_year: int | None
    created_at: datetime


class BackupV1(_Row):
    format: Literal["coffeechat-backup"]
    version: Literal[1]
    exported_at: datetime
    profile: ProfileV1 | None
    organizations: list[OrganizationV1]
    careers: list[CareerV1]
    people: list[PersonV1]
    interviews: list[InterviewV1]
    sources: list[SourceV1]
    facts: list[FactV1]
    messages: list[MessageV1]
    # Added after the first backups were written: missing means none.
    targets: list[TargetV1] = []
    employments: list[EmploymentV1] = []
