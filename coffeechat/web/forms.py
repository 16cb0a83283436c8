"""Reading HTML forms: the raw values to show again, and every field's problem at once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from coffeechat.errors import Conflict, Invalid, NotFound

# Service field names that forms and the API call by their plural list name.
FIELD_OF = {"email": "emails", "phone": "phones", "url": "urls", "tag": "tags"}


@dataclass
class Form:
    """What the user typed (kept to fill the form again) and the problems per field."""

    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, data: FormData, names: tuple[str, ...]) -> Form:
        values = {}
        for name in names:
            value = data.get(name)
            values[name] = value if isinstance(value, str) else ""
        return cls(values)

    def lines(self, name: str) -> list[str]:
        """A textarea of one value per line (commas also separate)."""
        raw = self.values.get(name, "").replace(",", "\n")
        return [line.strip() for line in raw.splitlines() if line.strip()]

    def optional_int(self, name: str, what: str = "a number") -> int | None:
        raw = self.values.get(name, "").strip()
        if not raw:
            return None
        if not raw.isdigit():
            self.errors[name] = f"Choose {what}."
            return None
        return int(raw)

    def check_each(self, name: str, check: Callable[[str], object]) -> None:
        """Run ``check`` on each line of ``name``; the first problem is shown at the field."""
        for line in self.lines(name):
            try:
                check(line)
            except Invalid as error:
                self.errors.setdefault(name, error.message)

    def require(self, name: str, message: str) -> None:
        if not self.values.get(name, "").strip():
            self.errors[name] = message

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, error: Invalid) -> None:
        self.errors[FIELD_OF.get(error.field, error.field)] = error.message


@contextmanager
def all_or_nothing(
    session: Session, form: Form, missing_field: str | None = None
) -> Iterator[None]:
    """Run a service call in a savepoint; on bad input, undo it and note the field's problem.

    ``missing_field`` names the field whose chosen row may have vanished (NotFound).
    """
    savepoint = session.begin_nested()
    try:
        yield
    except Invalid as error:
        savepoint.rollback()
        form.add(error)
    except Conflict as error:
        savepoint.rollback()
        form.errors["name"] = str(error)
    except NotFound as error:
        if missing_field is None:
            raise
        savepoint.rollback()
        form.errors[missing_field] = str(error)
    else:
        savepoint.commit()
