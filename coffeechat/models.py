"""SQLAlchemy 2.0 typed models for every entity Coffeechat stores.

Every row that belongs to somebody's network carries ``owner_id``; queries are scoped
through :mod:`coffeechat.scoping`, never by hand.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from coffeechat.vocab import (
    ContactKind,
    FactKind,
    FactStatus,
    Focus,
    HowMet,
    MessageKind,
    Stage,
    Venue,
)

__all__ = [
    "ContactKind",
    "FactKind",
    "FactStatus",
    "Focus",
    "HowMet",
    "MessageKind",
    "Stage",
    "Venue",
]

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC everywhere and always hands back aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[str]: JSON}


class User(Base):
    """An account. Local single-user mode has exactly one, named ``local``."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(120), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    calendar_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Profile(Base):
    """The user's own profile (``coffeechat me``): openers, signatures, holidays, time zone."""

    __tablename__ = "profiles"

    owner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    schools: Mapped[list[str]] = mapped_column(default=list)
    employers: Mapped[list[str]] = mapped_column(default=list)
    fields: Mapped[list[str]] = mapped_column(default=list)
    country: Mapped[str] = mapped_column(String(2), default="US")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")


class Organization(Base):
    __tablename__ = "organizations"
    __table_args__ = (UniqueConstraint("owner_id", "name_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # Lower-cased, trimmed name: "acme" reuses "Acme".
    name_key: Mapped[str] = mapped_column(String(200))
    aliases: Mapped[list[str]] = mapped_column(default=list)
    website: Mapped[str | None] = mapped_column(String(500))
    domain: Mapped[str | None] = mapped_column(String(255), index=True)
    industry: Mapped[str | None] = mapped_column(String(120))
    size: Mapped[str | None] = mapped_column(String(60))
    location: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    people: Mapped[list[Person]] = relationship(back_populates="organization")


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    location: Mapped[str | None] = mapped_column(String(200))
    how_met: Mapped[str] = mapped_column(String(20), default=HowMet.OTHER.value)
    referred_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    connected_on: Mapped[date | None] = mapped_column(Date)
    # Days between keep-in-touch reminders; None uses the setting.
    keep_in_touch_days: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    organization: Mapped[Organization | None] = relationship(back_populates="people")
    referred_by: Mapped[Person | None] = relationship(remote_side=[id])
    contacts: Mapped[list[ContactPoint]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="ContactPoint.id"
    )
    tags: Mapped[list[PersonTag]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="PersonTag.tag"
    )

    def contact_values(self, kind: ContactKind) -> list[str]:
        return [c.value for c in self.contacts if c.kind == kind.value]

    @property
    def emails(self) -> list[str]:
        return self.contact_values(ContactKind.EMAIL)

    @property
    def phones(self) -> list[str]:
        return self.contact_values(ContactKind.PHONE)

    @property
    def urls(self) -> list[str]:
        return self.contact_values(ContactKind.URL)

    @property
    def tag_names(self) -> list[str]:
        return [t.tag for t in self.tags]

    @property
    def first_name(self) -> str:
        return self.full_name.split()[0] if self.full_name.split() else self.full_name


class ContactPoint(Base):
    """An email, phone number or profile URL of a person."""

    __tablename__ = "contact_points"
    __table_args__ = (Index("ix_contact_points_owner_kind_key", "owner_id", "kind", "value_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    value: Mapped[str] = mapped_column(String(500))
    # Normalised form used for matching duplicates (lower-cased email, E.164 phone, bare URL).
    value_key: Mapped[str] = mapped_column(String(500))
    label: Mapped[str | None] = mapped_column(String(40))

    person: Mapped[Person] = relationship(back_populates="contacts")


class PersonTag(Base):
    __tablename__ = "person_tags"
    __table_args__ = (Index("ix_person_tags_owner_tag", "owner_id", "tag"),)

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(60), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))

    person: Mapped[Person] = relationship(back_populates="tags")


class Career(Base):
    """An occupation the user is exploring, keyed by its O*NET-SOC code."""

    __tablename__ = "careers"
    __table_args__ = (UniqueConstraint("owner_id", "onet_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    onet_code: Mapped[str | None] = mapped_column(String(12))
    title: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Interview(Base):
    """One informational interview, from idea to thank-you."""

    __tablename__ = "interviews"
    __table_args__ = (Index("ix_interviews_owner_stage", "owner_id", "stage"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # SET NULL keeps the history of an interview when its person is removed.
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    career_id: Mapped[int | None] = mapped_column(
        ForeignKey("careers.id", ondelete="SET NULL"), index=True
    )
    focus: Mapped[str] = mapped_column(String(10), default=Focus.COMPANY.value)
    stage: Mapped[str] = mapped_column(String(12), default=Stage.IDEA.value)
    goal: Mapped[str] = mapped_column(Text, default="")
    requested_at: Mapped[datetime | None] = mapped_column()
    replied_at: Mapped[datetime | None] = mapped_column()
    scheduled_at: Mapped[datetime | None] = mapped_column(index=True)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    held_at: Mapped[datetime | None] = mapped_column()
    thanked_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()
    stage_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    venue: Mapped[str | None] = mapped_column(String(10))
    place: Mapped[str | None] = mapped_column(String(500))
    link: Mapped[str | None] = mapped_column(String(1000))
    notes: Mapped[str] = mapped_column(Text, default="")
    takeaways: Mapped[list[str]] = mapped_column(default=list)
    attire: Mapped[str | None] = mapped_column(String(30))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    person: Mapped[Person | None] = relationship()
    organization: Mapped[Organization | None] = relationship()
    career: Mapped[Career | None] = relationship()
    questions: Mapped[list[PlannedQuestion]] = relationship(
        back_populates="interview",
        cascade="all, delete-orphan",
        order_by="PlannedQuestion.position",
    )
    messages: Mapped[list[Message]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", order_by="Message.id"
    )


class PlannedQuestion(Base):
    """A question on an interview's plan: from the bank or written by the user."""

    __tablename__ = "planned_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    bank_id: Mapped[str | None] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(30), default="custom")
    stage: Mapped[str] = mapped_column(String(10), default="core")
    why: Mapped[str] = mapped_column(Text, default="")
    starred: Mapped[bool] = mapped_column(Boolean, default=False)
    # planned, asked or skipped
    state: Mapped[str] = mapped_column(String(10), default="planned")

    interview: Mapped[Interview] = relationship(back_populates="questions")


class Source(Base):
    """A page or text the user gave; its facts point back here."""

    __tablename__ = "sources"
    __table_args__ = (
        Index("ix_sources_owner_url", "owner_id", "url"),
        Index("ix_sources_owner_hash", "owner_id", "content_hash"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    career_id: Mapped[int | None] = mapped_column(ForeignKey("careers.id", ondelete="CASCADE"))
    url: Mapped[str | None] = mapped_column(String(2000))
    content_hash: Mapped[str] = mapped_column(String(64))
    media_type: Mapped[str] = mapped_column(String(40), default="text/plain")
    title: Mapped[str] = mapped_column(String(500), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)

    facts: Mapped[list[Fact]] = relationship(
        back_populates="source", cascade="all, delete-orphan", order_by="Fact.start"
    )


class Fact(Base):
    """One sentence of a source, classified, with its exact position in the source text."""

    __tablename__ = "facts"
    __table_args__ = (Index("ix_facts_owner_org_kind", "owner_id", "organization_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE")
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    career_id: Mapped[int | None] = mapped_column(ForeignKey("careers.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    status: Mapped[str] = mapped_column(String(10), default=FactStatus.NEW.value)
    # The user's correction; the original sentence stays in ``text``.
    edited_text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    source: Mapped[Source] = relationship(back_populates="facts")

    @property
    def shown_text(self) -> str:
        return self.edited_text or self.text


class Message(Base):
    """A draft or sent note: outreach, follow-up, thank-you, update, keep-in-touch."""

    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_owner_due", "owner_id", "sent_at", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    interview_id: Mapped[int | None] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    due_at: Mapped[datetime | None] = mapped_column()
    sent_at: Mapped[datetime | None] = mapped_column()
    replied_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    interview: Mapped[Interview | None] = relationship(back_populates="messages")


class SearchDocument(Base):
    """One searchable text per person, organization, interview or fact.

    Kept in step with its row by :mod:`coffeechat.search`; SQLite indexes it with FTS5,
    PostgreSQL with a GIN index over ``folded``.
    """

    __tablename__ = "search_documents"
    __table_args__ = (
        UniqueConstraint("kind", "ref_id", name="uq_search_documents_kind_ref"),
        Index("ix_search_documents_owner", "owner_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    ref_id: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    # Lower-cased, accent-free title and body, same length as the original.
    folded: Mapped[str] = mapped_column(Text, default="")


# --- careers (O*NET reference data) ---
# O*NET is public reference data shared by every user of the database, so these
# tables carry no owner_id. An import replaces them all in one transaction.


class OnetImport(Base):
    """One load of the O*NET database: where it came from and what it held."""

    __tablename__ = "onet_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    warnings: Mapped[int] = mapped_column(Integer, default=0)


class OnetOccupation(Base):
    __tablename__ = "onet_occupations"

    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")


def _onet_code() -> Mapped[str]:
    return mapped_column(
        String(10), ForeignKey("onet_occupations.code", ondelete="CASCADE"), index=True
    )


class OnetTitle(Base):
    """An alternate ("lay") title of an occupation, as people search for it."""

    __tablename__ = "onet_titles"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = _onet_code()
    title: Mapped[str] = mapped_column(Text)
    short_title: Mapped[str | None] = mapped_column(Text)


class OnetTask(Base):
    __tablename__ = "onet_tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = _onet_code()
    task_id: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    # "Core" or "Supplemental"; None when O*NET has not rated it yet.
    task_type: Mapped[str | None] = mapped_column(String(20))
    # Mean importance on O*NET's 1-5 "IM" scale.
    importance: Mapped[float | None] = mapped_column(Float)


class OnetJobZone(Base):
    __tablename__ = "onet_job_zones"

    code: Mapped[str] = mapped_column(
        String(10), ForeignKey("onet_occupations.code", ondelete="CASCADE"), primary_key=True
    )
    job_zone: Mapped[int] = mapped_column(Integer)


class OnetJobZoneLevel(Base):
    """What a job zone means: experience, education and training it usually takes."""

    __tablename__ = "onet_job_zone_levels"

    job_zone: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(Text, default="")
    experience: Mapped[str] = mapped_column(Text, default="")
    education: Mapped[str] = mapped_column(Text, default="")
    training: Mapped[str] = mapped_column(Text, default="")
    examples: Mapped[str] = mapped_column(Text, default="")


class OnetEducation(Base):
    """Share of workers reporting one education level (RL) or work experience span (RW)."""

    __tablename__ = "onet_education"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = _onet_code()
    scale: Mapped[str] = mapped_column(String(3))
    category: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(Text, default="")
    percent: Mapped[float] = mapped_column(Float)


class OnetWorkContext(Base):
    """One rating of where and when the work happens (only the elements we show)."""

    __tablename__ = "onet_work_context"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = _onet_code()
    element_id: Mapped[str] = mapped_column(String(20))
    element_name: Mapped[str] = mapped_column(Text)
    scale: Mapped[str] = mapped_column(String(3))
    # None for the mean rating; the category number for a percent-of-respondents row.
    category: Mapped[int | None] = mapped_column(Integer)
    label: Mapped[str | None] = mapped_column(Text)
    value: Mapped[float] = mapped_column(Float)


class OnetTechnology(Base):
    __tablename__ = "onet_technologies"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = _onet_code()
    name: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(Text)
    hot: Mapped[bool] = mapped_column(Boolean, default=False)
    in_demand: Mapped[bool] = mapped_column(Boolean, default=False)


class OnetRelated(Base):
    __tablename__ = "onet_related"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = _onet_code()
    related_code: Mapped[str] = mapped_column(
        String(10), ForeignKey("onet_occupations.code", ondelete="CASCADE")
    )
    tier: Mapped[str] = mapped_column(String(50), default="")
    rank: Mapped[int] = mapped_column(Integer)


# --- meetings ---
# The agenda's keep-in-touch reminders look up the latest note sent to each person.
Index("ix_messages_owner_person_sent", Message.owner_id, Message.person_id, Message.sent_at)


# --- web ---
# Indexes for the web pages (migration 0006_web), declared beside the models they serve.
Index("ix_people_owner_name", Person.owner_id, Person.full_name, Person.id)
Index(
    "ix_interviews_owner_stage_changed",
    Interview.owner_id,
    Interview.stage,
    Interview.stage_changed_at,
    Interview.id,
)


# --- targets ---


class Target(Base):
    """An organization or career on the user's target list, scored the LAMP way.

    Advocacy is derived from the network and never stored; motivation (0–3) and
    postings (1–3, empty until scored) are the user's own judgement.
    """

    __tablename__ = "targets"
    __table_args__ = (
        UniqueConstraint("owner_id", "organization_id", name="uq_targets_owner_organization"),
        UniqueConstraint("owner_id", "career_id", name="uq_targets_owner_career"),
        CheckConstraint("(organization_id IS NULL) <> (career_id IS NULL)", name="one_subject"),
        CheckConstraint("motivation BETWEEN 0 AND 3", name="motivation_range"),
        CheckConstraint("postings IS NULL OR postings BETWEEN 1 AND 3", name="postings_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE")
    )
    career_id: Mapped[int | None] = mapped_column(ForeignKey("careers.id", ondelete="CASCADE"))
    motivation: Mapped[int] = mapped_column(Integer, default=0)
    postings: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    organization: Mapped[Organization | None] = relationship()
    career: Mapped[Career | None] = relationship()

    @property
    def name(self) -> str:
        subject = self.organization or self.career
        assert subject is not None
        return subject.name if isinstance(subject, Organization) else subject.title


class Employment(Base):
    """A job a person held; the current one is ``Person.organization``."""

    __tablename__ = "employments"
    __table_args__ = (Index("ix_employments_owner_organization", "owner_id", "organization_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    title: Mapped[str | None] = mapped_column(String(200))
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    person: Mapped[Person] = relationship()
    organization: Mapped[Organization] = relationship()


# Warm paths look people up by employer, by referrer and by person within one owner's
# rows. Single-column indexes lose to ``owner_id`` in SQLite's planner (it has no
# statistics), so these pair the owner with the column searched.
Index("ix_people_owner_organization", Person.owner_id, Person.organization_id)
Index("ix_people_owner_referrer", Person.owner_id, Person.referred_by_id)
Index("ix_interviews_owner_person", Interview.owner_id, Interview.person_id)
Index("ix_facts_owner_person", Fact.owner_id, Fact.person_id)
