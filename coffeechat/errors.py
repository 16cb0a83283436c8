"""The few exception types every service raises and every adapter maps once."""

from __future__ import annotations


class CoffeechatError(Exception):
    """Base class: a problem the user can understand and act on."""


class NotFound(CoffeechatError):
    def __init__(self, what: str, key: object, message: str | None = None) -> None:
        super().__init__(message or f"No {what} with id {key}.")
        self.what = what
        self.key = key


class Invalid(CoffeechatError):
    """Bad input in one named field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class Conflict(CoffeechatError):
    """The request is well formed but clashes with what is stored."""


class DatabaseProblem(CoffeechatError):
    """The database file cannot be used (not ours, or from a newer version)."""
