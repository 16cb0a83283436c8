"""Uploaded files: refused when too large or of a kind we cannot read, before any work."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from fastapi import Request
from starlette.datastructures import UploadFile

from coffeechat.errors import Invalid

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def too_large(request: Request, limit: int) -> bool:
    """True when the request says it is bigger than ``limit`` (checked before parsing it)."""
    declared = request.headers.get("content-length", "")
    # A little room for the other form fields and the multipart boundaries.
    return declared.isdigit() and int(declared) > limit + 64 * 1024


def megabytes(limit: int) -> str:
    return f"{limit / 1024 / 1024:g} MB"


async def read_upload(
    upload: object, *, field: str, suffixes: tuple[str, ...], limit: int
) -> Upload:
    """The file's name and bytes; Invalid names the field when it is missing, too big or of
    another kind (judged by its name's ending, and the readers check the content again)."""
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise Invalid(field, "choose a file to upload")
    name = PurePath(upload.filename).name
    if not name.lower().endswith(suffixes):
        kinds = ", ".join(suffixes)
        raise Invalid(field, f"{name} is not a file we can read here; use {kinds}")
    data = bytearray()
    while chunk := await upload.read(CHUNK):
        data.extend(chunk)
        if len(data) > limit:
            raise Invalid(field, f"{name} is larger than the {megabytes(limit)} limit")
    if not data:
        raise Invalid(field, f"{name} is empty")
    return Upload(name, bytes(data))
