"""Validation and normalisation of names, emails, phone numbers and profile URLs."""

from __future__ import annotations

from urllib.parse import urlsplit

from coffeechat.errors import Invalid
from coffeechat.models import ContactKind


def clean_name(name: str) -> str:
    """A person's or organization's name with runs of spaces folded; Invalid if empty."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise Invalid("name", "must not be empty")
    if len(cleaned) > 200:
        raise Invalid("name", "must be at most 200 characters")
    return cleaned


def normalise_email(value: str) -> tuple[str, str]:
    """(value to show, key to match) for an email address; Invalid if it is not one."""
    from email_validator import EmailNotValidError, validate_email

    try:
        result = validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError as error:
        raise Invalid("email", f"{value!r} is not a valid email address ({error})") from None
    return result.normalized, result.normalized.lower()


def normalise_phone(value: str, region: str = "US") -> tuple[str, str]:
    """(international format, E.164 key) for a phone number; Invalid if it is not one."""
    import phonenumbers

    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise Invalid("phone", f"{value!r} is not a valid phone number")
    shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return shown, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_url(value: str, field: str = "url") -> tuple[str, str]:
    """(value, key) for an http(s) URL; the key drops scheme, "www.", query and trailing slash."""
    cleaned = value.strip()
    try:
        parts = urlsplit(cleaned if "://" in cleaned else f"https://{cleaned}")
    except ValueError:  # for example an unclosed "[" of an IPv6 host
        raise Invalid(field, f"{value!r} is not a web address (http or https)") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or "." not in parts.hostname:
        raise Invalid(field, f"{value!r} is not a web address (http or https)")
    host = parts.hostname.lower().removeprefix("www.")
    return parts.geturl(), f"{host}{parts.path.rstrip('/').lower()}"


def normalise(kind: ContactKind, value: str, region: str = "US") -> tuple[str, str]:
    if kind is ContactKind.EMAIL:
        return normalise_email(value)
    if kind is ContactKind.PHONE:
        return normalise_phone(value, region)
    return normalise_url(value)
