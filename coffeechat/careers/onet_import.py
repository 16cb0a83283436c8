"""Load the O*NET database from its published tab-delimited text files.

Everything happens in the caller's one transaction: the old O*NET rows are deleted and
the new ones bulk-inserted, so a failure leaves the previous data untouched. A
malformed row is skipped with a warning naming its file and line; a missing optional
file is reported; a missing Occupation Data file stops the import.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from coffeechat.careers.context import topic_for
from coffeechat.careers.onet_files import (
    EDUCATION,
    EDUCATION_CATEGORIES,
    FILES,
    JOB_ZONE_LEVELS,
    JOB_ZONES,
    OCCUPATIONS,
    RELATED,
    TASK_RATINGS,
    TASKS,
    TECHNOLOGY,
    TITLES,
    WORK_CONTEXT,
    WORK_CONTEXT_CATEGORIES,
    OnetFiles,
)
from coffeechat.errors import Invalid
from coffeechat.models import (
    OnetEducation,
    OnetImport,
    OnetJobZone,
    OnetJobZoneLevel,
    OnetOccupation,
    OnetRelated,
    OnetTask,
    OnetTechnology,
    OnetTitle,
    OnetWorkContext,
)

CODE = "O*NET-SOC Code"
_CODE_PATTERN = re.compile(r"\d{2}-\d{4}\.\d{2}\Z")
# Required Level of Education and Related Work Experience; the training scales are not shown.
_EDUCATION_SCALES = frozenset({"RL", "RW"})
_MEAN_SCALES = frozenset({"CX", "CT"})
_PERCENT_SCALES = frozenset({"CXP", "CTP"})
_MISSING = frozenset({"", "n/a"})
_BATCH = 5000


@dataclass(frozen=True)
class RowWarning:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}: {self.message}"


@dataclass(frozen=True)
class ImportReport:
    source: str
    counts: dict[str, int]
    missing_files: tuple[str, ...]
    warnings: tuple[RowWarning, ...]


class _BadRow(Exception):
    pass


class _BadFile(Exception):
    """A file whose header lacks a column we need: skipped, unless it is Occupation Data."""


@dataclass
class _Loader:
    session: Session
    files: OnetFiles
    on_file: Callable[[str], None] | None
    warnings: list[RowWarning] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    codes: set[str] = field(default_factory=set)
    importance: dict[tuple[str, int], float] = field(default_factory=dict)
    categories: dict[tuple[str, str, int], str] = field(default_factory=dict)

    # -- reading ---------------------------------------------------------------

    def rows(
        self, name: str, needed: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> Iterator[tuple[int, list[str]]]:
        """Each data row of ``name`` as its ``needed`` then ``optional`` columns ("" if absent).

        A row with the wrong number of fields becomes a warning; a header without a needed
        column raises _BadFile before any row is read.
        """
        if self.on_file:
            self.on_file(name)
        with self.files.open_text(name) as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE, strict=True)
            line = 1
            try:
                header = [column.strip() for column in next(reader, [])]
                missing = [column for column in needed if column not in header]
                if missing:
                    columns = ", ".join(repr(column) for column in missing)
                    raise _BadFile(f"{name} has no {columns} column; is it an O*NET text file?")
                positions = [header.index(column) for column in needed]
                positions += [header.index(c) if c in header else -1 for c in optional]
                width = len(header)
                for line, row in enumerate(reader, start=2):
                    if not row or row == [""]:
                        continue
                    if len(row) != width:
                        self.warn(name, line, f"expected {width} fields, found {len(row)}")
                        continue
                    yield line, [row[i].strip() if i >= 0 else "" for i in positions]
            except UnicodeDecodeError:
                raise Invalid(
                    "from",
                    f"{name} is not UTF-8 text (near line {line + 1}); nothing was imported.",
                ) from None
            except csv.Error as error:
                raise Invalid("from", f"{name}, line {line + 1}: {error}") from None

    def warn(self, name: str, line: int, message: str) -> None:
        self.warnings.append(RowWarning(name, line, message))

    def code(self, value: str, *, known: bool = True) -> str:
        if not _CODE_PATTERN.match(value):
            raise _BadRow(f"{value!r} is not an O*NET-SOC code like 15-1252.00")
        if known and value not in self.codes:
            raise _BadRow(f"occupation {value} is not in {OCCUPATIONS}")
        return value

    def store(self, name: str, model: type[Any], records: Iterator[dict[str, Any]]) -> None:
        """Bulk-insert ``records`` (Core executemany, in batches) and count them."""
        table = model.__table__
        batch: list[dict[str, Any]] = []
        total = 0
        for record in records:
            batch.append(record)
            if len(batch) >= _BATCH:
                self.session.execute(insert(table), batch)
                total += len(batch)
                batch = []
        if batch:
            self.session.execute(insert(table), batch)
            total += len(batch)
        self.counts[name] = total

    def parsed(
        self,
        name: str,
        needed: tuple[str, ...],
        parse: Callable[[list[str]], dict[str, Any] | None],
        optional: tuple[str, ...] = (),
    ) -> Iterator[dict[str, Any]]:
        """Rows of ``name`` turned into records; a row ``parse`` rejects becomes a warning."""
        for line, row in self.rows(name, needed, optional):
            try:
                record = parse(row)
            except _BadRow as problem:
                self.warn(name, line, str(problem))
                continue
            except ValueError as problem:
                self.warn(name, line, f"not a number ({problem})")
                continue
            if record is not None:
                yield record

    # -- one method per file ---------------------------------------------------

    def occupations(self) -> None:
        def parse(row: list[str]) -> dict[str, Any]:
            code, title, description = row
            self.code(code, known=False)
            if code in self.codes:
                raise _BadRow(f"occupation {code} appears twice")
            if not title:
                raise _BadRow("the title is empty")
            self.codes.add(code)
            return {"code": code, "title": title, "description": description}

        needed = (CODE, "Title", "Description")
        self.store(OCCUPATIONS, OnetOccupation, self.parsed(OCCUPATIONS, needed, parse))

    def titles(self) -> None:
        def parse(row: list[str]) -> dict[str, Any]:
            code, title, short = row
            if not title:
                raise _BadRow("the alternate title is empty")
            short_title = None if short in _MISSING else short
            return {"code": self.code(code), "title": title, "short_title": short_title}

        needed = (CODE, "Alternate Title", "Short Title")
        self.store(TITLES, OnetTitle, self.parsed(TITLES, needed, parse))

    def task_ratings(self) -> None:
        needed = (CODE, "Task ID", "Scale ID", "Data Value")
        for line, (code, task_id, scale, value) in self.rows(TASK_RATINGS, needed):
            if scale != "IM":
                continue
            try:
                self.importance[(code, int(task_id))] = float(value)
            except ValueError:
                self.warn(
                    TASK_RATINGS, line, f"task {task_id!r} or value {value!r} is not a number"
                )
        self.counts[TASK_RATINGS] = len(self.importance)

    def tasks(self) -> None:
        def parse(row: list[str]) -> dict[str, Any]:
            code, task_id, text, task_type = row
            if not text:
                raise _BadRow("the task is empty")
            number = int(task_id)
            return {
                "code": self.code(code),
                "task_id": number,
                "text": text,
                "task_type": None if task_type in _MISSING else task_type,
                "importance": self.importance.get((code, number)),
            }

        needed = (CODE, "Task ID", "Task")
        self.store(TASKS, OnetTask, self.parsed(TASKS, needed, parse, ("Task Type",)))

    def job_zone_levels(self) -> None:
        def parse(row: list[str]) -> dict[str, Any]:
            zone, name, experience, education, training, examples = row
            return {
                "job_zone": int(zone),
                "name": name,
                "experience": experience,
                "education": education,
                "training": training,
                "examples": examples,
            }

        needed = ("Job Zone", "Name")
        optional = ("Experience", "Education", "Job Training", "Examples")
        seen: dict[int, dict[str, Any]] = {}
        for record in self.parsed(JOB_ZONE_LEVELS, needed, parse, optional):
            seen[record["job_zone"]] = record
        self.store(JOB_ZONE_LEVELS, OnetJobZoneLevel, iter(seen.values()))

    def job_zones(self) -> None:
        seen: set[str] = set()

        def parse(row: list[str]) -> dict[str, Any]:
            code, zone = row
            self.code(code)
            if code in seen:
                raise _BadRow(f"occupation {code} has a second job zone")
            seen.add(code)
            return {"code": code, "job_zone": int(zone)}

        self.store(JOB_ZONES, OnetJobZone, self.parsed(JOB_ZONES, (CODE, "Job Zone"), parse))

    def read_categories(self, name: str) -> None:
        needed = ("Element ID", "Scale ID", "Category", "Category Description")
        count = 0
        for line, (element, scale, category, text) in self.rows(name, needed):
            try:
                self.categories[(element, scale, int(category))] = text
                count += 1
            except ValueError:
                self.warn(name, line, f"category {category!r} is not a number")
        self.counts[name] = count

    def education(self) -> None:
        def parse(row: list[str]) -> dict[str, Any] | None:
            code, element, scale, category, value = row
            if scale not in _EDUCATION_SCALES:
                return None
            number = int(category)
            label = self.categories.get((element, scale, number), f"Category {number}")
            return {
                "code": self.code(code),
                "scale": scale,
                "category": number,
                "label": label,
                "percent": float(value),
            }

        needed = (CODE, "Element ID", "Scale ID", "Category", "Data Value")
        self.store(EDUCATION, OnetEducation, self.parsed(EDUCATION, needed, parse))

    def work_context(self) -> None:
        def parse(row: list[str]) -> dict[str, Any] | None:
            code, element, name, scale, category, value = row
            if scale not in _MEAN_SCALES and scale not in _PERCENT_SCALES:
                return None
            if topic_for(name) is None:
                return None
            number = None if category in _MISSING else int(category)
            if scale in _PERCENT_SCALES and number is None:
                raise _BadRow(f"a {scale} row needs a category")
            label = None if number is None else self.categories.get((element, scale, number))
            return {
                "code": self.code(code),
                "element_id": element,
                "element_name": name,
                "scale": scale,
                "category": number,
                "label": label,
                "value": float(value),
            }

        needed = (CODE, "Element ID", "Element Name", "Scale ID", "Category", "Data Value")
        self.store(WORK_CONTEXT, OnetWorkContext, self.parsed(WORK_CONTEXT, needed, parse))

    def technology(self) -> None:
        def parse(row: list[str]) -> dict[str, Any]:
            code, example, commodity, hot, in_demand = row
            if not example:
                raise _BadRow("the technology name is empty")
            return {
                "code": self.code(code),
                "name": example,
                "category": commodity or None,
                "hot": hot == "Y",
                "in_demand": in_demand == "Y",
            }

        # "In Demand" arrived in release 27.1; older files load without it.
        optional = ("Commodity Title", "Hot Technology", "In Demand")
        records = self.parsed(TECHNOLOGY, (CODE, "Example"), parse, optional)
        self.store(TECHNOLOGY, OnetTechnology, records)

    def related(self) -> None:
        def parse(row: list[str]) -> dict[str, Any]:
            code, related, tier, index = row
            return {
                "code": self.code(code),
                "related_code": self.code(related),
                "tier": tier,
                "rank": int(index),
            }

        needed = (CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index")
        self.store(RELATED, OnetRelated, self.parsed(RELATED, needed, parse))


# Children first, so deleting never trips a foreign key.
_TABLES = (
    OnetRelated,
    OnetTechnology,
    OnetWorkContext,
    OnetEducation,
    OnetJobZone,
    OnetTask,
    OnetTitle,
    OnetOccupation,
    OnetJobZoneLevel,
)


def import_onet(
    session: Session,
    files: OnetFiles,
    *,
    source: str,
    on_file: Callable[[str], None] | None = None,
) -> ImportReport:
    """Replace the stored O*NET data with the files given, in the caller's transaction."""
    if not files.has(OCCUPATIONS):
        raise Invalid(
            "from",
            f"{files.label} has no {OCCUPATIONS!r}; it is the one file an O*NET import needs.",
        )
    for model in _TABLES:
        session.execute(delete(model))
    loader = _Loader(session, files, on_file)
    steps: dict[str, Callable[[], None]] = {
        OCCUPATIONS: loader.occupations,
        TITLES: loader.titles,
        TASK_RATINGS: loader.task_ratings,
        TASKS: loader.tasks,
        JOB_ZONE_LEVELS: loader.job_zone_levels,
        JOB_ZONES: loader.job_zones,
        EDUCATION_CATEGORIES: lambda: loader.read_categories(EDUCATION_CATEGORIES),
        EDUCATION: loader.education,
        WORK_CONTEXT_CATEGORIES: lambda: loader.read_categories(WORK_CONTEXT_CATEGORIES),
        WORK_CONTEXT: loader.work_context,
        TECHNOLOGY: loader.technology,
        RELATED: loader.related,
    }
    missing = tuple(name for name in FILES if not files.has(name))
    for name in FILES:
        if name in missing:
            continue
        try:
            steps[name]()
        except _BadFile as problem:
            if name == OCCUPATIONS:
                raise Invalid("from", str(problem)) from None
            loader.warn(name, 1, f"{problem} The file was skipped.")
    if not loader.codes:
        raise Invalid("from", f"{OCCUPATIONS} holds no valid occupation; nothing was imported.")
    session.add(
        OnetImport(source=source, counts=dict(loader.counts), warnings=len(loader.warnings))
    )
    session.flush()
    return ImportReport(source, dict(loader.counts), missing, tuple(loader.warnings))
