"""What an import did, row by row, for people and for ``--json``.

Kept free of heavy imports: the command line reads :class:`OnDuplicate` at start-up.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class OnDuplicate(enum.StrEnum):
    """What an import does with a row that matches someone already there."""

    MERGE = "merge"
    SKIP = "skip"
    NEW = "new"


@dataclass(frozen=True)
class RowNote:
    """A row that failed, was skipped, or was merged into someone."""

    row: int
    line: int
    reason: str
    field: str | None = None
    person: int | None = None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"row": self.row, "line": self.line}
        if self.field is not None:
            data["field"] = self.field
        if self.person is not None:
            data["person"] = self.person
        return data | {"reason": self.reason}

    def describe(self, unit: str = "row") -> str:
        where = f"{unit} {self.row} (line {self.line})"
        if self.field:
            where += f", {self.field}"
        return f"{where}: {self.reason}"


@dataclass
class ImportReport:
    file: str
    format: str
    dry_run: bool = False
    added: int = 0
    merges: list[RowNote] = field(default_factory=list)
    skips: list[RowNote] = field(default_factory=list)
    failures: list[RowNote] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The column each field was read from (generic CSV), shown by --dry-run.
    mapping: dict[str, str] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def unit(self) -> str:
        """What one record of this format is called: a card of a vCard file, else a row."""
        return "card" if self.format == "vcard" else "row"

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "file": self.file,
            "format": self.format,
            "dry_run": self.dry_run,
            "added": self.added,
            "merged": len(self.merges),
            "skipped": len(self.skips),
            "failed": len(self.failures),
            "merges": [n.as_json() for n in self.merges],
            "skips": [n.as_json() for n in self.skips],
            "failures": [n.as_json() for n in self.failures],
            "notes": self.notes,
        }
        if self.mapping or self.ignored_columns:
            data["mapping"] = self.mapping
            data["ignored_columns"] = self.ignored_columns
        return data

    def summary(self) -> str:
        verb = "Would import" if self.dry_run else "Imported"
        return (
            f"{verb} {self.file}: {self.added} added, {len(self.merges)} merged, "
            f"{len(self.skips)} skipped, {len(self.failures)} failed."
        )
