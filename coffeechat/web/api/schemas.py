"""The JSON shapes of the API (pydantic models: they are also the OpenAPI schema)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from coffeechat.models import Interview, Organization, Person
from coffeechat.vocab import Focus, HowMet, Stage

Name = Annotated[str, Field(min_length=1, max_length=200)]
Short = Annotated[str, Field(max_length=200)]


class Problem(BaseModel):
    detail: str


class Session(BaseModel):
    csrf_token: str = Field(description="Send it back in the X-CSRF-Token header of writes.")


class Ref(BaseModel):
    id: int
    name: str


class PersonOut(BaseModel):
    id: int
    name: str
    title: str | None
    organization: Ref | None
    emails: list[str]
    phones: list[str]
    urls: list[str]
    how_met: HowMet
    referred_by: Ref | None
    tags: list[str]
    location: str | None
    notes: str
    connected_on: date | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, person: Person) -> PersonOut:
        org, referrer = person.organization, person.referred_by
        return cls(
            id=person.id,
            name=person.full_name,
            title=person.title,
            organization=Ref(id=org.id, name=org.name) if org else None,
            emails=person.emails,
            phones=person.phones,
            urls=person.urls,
            how_met=HowMet(person.how_met),
            referred_by=Ref(id=referrer.id, name=referrer.full_name) if referrer else None,
            tags=person.tag_names,
            location=person.location,
            notes=person.notes,
            connected_on=person.connected_on,
            created_at=person.created_at,
            updated_at=person.updated_at,
        )


class PersonIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    organization: Short | None = Field(None, description="A name; reused in any case, else new.")
    title: Short | None = None
    emails: list[str] = []
    phones: list[str] = []
    urls: list[str] = []
    how_met: HowMet | None = None
    referred_by: int | None = Field(None, description="The id of the person who introduced you.")
    tags: list[Annotated[str, Field(max_length=60)]] = []
    location: Short | None = None
    notes: str = ""


class PersonPatch(BaseModel):
    """Only the fields sent change; lists replace the old list, "" clears a text."""

    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    organization: Short | None = None
    title: Short | None = None
    emails: list[str] | None = None
    phones: list[str] | None = None
    urls: list[str] | None = None
    how_met: HowMet | None = None
    referred_by: int | None = None
    tags: list[Annotated[str, Field(max_length=60)]] | None = None
    location: Short | None = None
    notes: str | None = None


class PeoplePage(BaseModel):
    items: list[PersonOut]
    offset: int
    limit: int
    has_more: bool


class OrganizationOut(BaseModel):
    id: int
    name: str
    website: str | None
    domain: str | None
    industry: str | None
    location: str | None
    created_at: datetime
    people: int | None = Field(None, description="How many of your people work there.")

    @classmethod
    def of(cls, org: Organization, people: int | None = None) -> OrganizationOut:
        return cls(
            id=org.id,
            name=org.name,
            website=org.website,
            domain=org.domain,
            industry=org.industry,
            location=org.location,
            created_at=org.created_at,
            people=people,
        )


class OrganizationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    website: Annotated[str, Field(max_length=500)] | None = None
    industry: Annotated[str, Field(max_length=120)] | None = None
    location: Short | None = None


class OrganizationPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    website: Annotated[str, Field(max_length=500)] | None = None
    industry: Annotated[str, Field(max_length=120)] | None = None
    location: Short | None = None


class OrganizationsPage(BaseModel):
    items: list[OrganizationOut]
    offset: int
    limit: int
    has_more: bool


class CareerRef(BaseModel):
    id: int
    code: str | None
    title: str


class InterviewOut(BaseModel):
    id: int
    person: Ref | None
    organization: Ref | None
    career: CareerRef | None
    focus: Focus
    stage: Stage
    goal: str
    requested_at: datetime | None
    replied_at: datetime | None
    scheduled_at: datetime | None
    duration_minutes: int | None
    held_at: datetime | None
    thanked_at: datetime | None
    closed_at: datetime | None
    venue: str | None
    place: str | None
    link: str | None
    notes: str
    takeaways: list[str]
    attire: str | None
    stage_changed_at: datetime
    created_at: datetime

    @classmethod
    def of(cls, interview: Interview) -> InterviewOut:
        person, org, career = interview.person, interview.organization, interview.career
        return cls(
            id=interview.id,
            person=Ref(id=person.id, name=person.full_name) if person else None,
            organization=Ref(id=org.id, name=org.name) if org else None,
            career=CareerRef(id=career.id, code=career.onet_code, title=career.title)
            if career
            else None,
            focus=Focus(interview.focus),
            stage=Stage(interview.stage),
            goal=interview.goal,
            requested_at=interview.requested_at,
            replied_at=interview.replied_at,
            scheduled_at=interview.scheduled_at,
            duration_minutes=interview.duration_minutes,
            held_at=interview.held_at,
            thanked_at=interview.thanked_at,
            closed_at=interview.closed_at,
            venue=interview.venue,
            place=interview.place,
            link=interview.link,
            notes=interview.notes,
            takeaways=list(interview.takeaways),
            attire=interview.attire,
            stage_changed_at=interview.stage_changed_at,
            created_at=interview.created_at,
        )


class InterviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    person_id: int
    focus: Focus = Focus.COMPANY
    goal: Annotated[str, Field(max_length=2000)] = ""
    organization_id: int | None = Field(None, description="Defaults to where the person works.")
    career_id: int | None = None


class StageMove(BaseModel):
    model_config = ConfigDict(extra="forbid")

    stage: Stage


class InterviewsPage(BaseModel):
    items: list[InterviewOut]
    offset: int
    limit: int
    has_more: bool


Responses = dict[int | str, dict[str, Any]]


def problem(status: int, description: str) -> Responses:
    """An OpenAPI ``responses`` entry for an error answered with ``{"detail": ...}``."""
    return {status: {"model": Problem, "description": description}}


class FindingOut(BaseModel):
    code: str
    message: str
    suggestion: str
    evidence: str


class QuestionOut(BaseModel):
    id: int
    position: int
    bank_id: str | None
    text: str
    category: str
    stage: str
    why: str
    starred: bool
    state: str


class QuestionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, Field(min_length=1, max_length=1000)]
    position: int | None = Field(None, ge=1, description="Default: before the closing questions.")


class QuestionPatch(BaseModel):
    """Only the fields sent change."""

    model_config = ConfigDict(extra="forbid")

    position: int | None = Field(None, ge=1)
    starred: bool | None = None
    state: Literal["planned", "asked", "skipped"] | None = None


class AddedQuestionOut(BaseModel):
    question: QuestionOut
    findings: list[FindingOut]


class QuestionPlanIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    count: int | None = Field(None, ge=3, le=20)
    minutes: int | None = Field(None, ge=5, le=240)


class ReadinessItemOut(BaseModel):
    key: str
    group: str
    label: str
    done: bool
    found: str


class ReadinessOut(BaseModel):
    interview_id: int
    focus: str
    score: int = Field(ge=0, le=100)
    items: list[ReadinessItemOut]


class SourceRef(BaseModel):
    id: int
    title: str
    url: str | None


class FactOut(BaseModel):
    id: int
    kind: str
    text: str = Field(
        description="The sentence as shown: the user's correction, else the source's."
    )
    original: str
    status: Literal["new", "confirmed", "rejected"]
    confidence: float
    source: SourceRef


class ResearchIn(BaseModel):
    """Either a web page to fetch or text to read."""

    model_config = ConfigDict(extra="forbid")

    url: Annotated[str, Field(max_length=2000)] | None = None
    text: Annotated[str, Field(max_length=200_000)] | None = None


class ResearchOut(BaseModel):
    source: SourceRef
    created: bool
    facts: list[FactOut]


class FactPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["confirmed", "rejected"] | None = None
    text: Annotated[str, Field(min_length=1, max_length=2000)] | None = None


class AgendaItemOut(BaseModel):
    kind: str = Field(
        description="thank_you, log, prepare, follow_up, next_contact, no_reply, update or "
        "keep_in_touch"
    )
    due: datetime
    overdue: bool
    interview_id: int
    person_id: int | None
    person_name: str | None
    title: str
    readiness: int | None = Field(None, description="For meetings to prepare: 0-100.")
