"""Where O*NET text files come from: a folder, a zip, or the release download.

The O*NET text release is a zip of tab-delimited UTF-8 files inside one folder
(``db_30_3_text/Occupation Data.txt`` …). Files are found by their base name, so a
folder or zip laid out a little differently still works.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TextIO
from urllib.parse import unquote, urlsplit

from coffeechat.config import Settings
from coffeechat.errors import Invalid

OCCUPATIONS = "Occupation Data.txt"
TITLES = "Alternate Titles.txt"
TASKS = "Task Statements.txt"
TASK_RATINGS = "Task Ratings.txt"
JOB_ZONES = "Job Zones.txt"
JOB_ZONE_LEVELS = "Job Zone Reference.txt"
EDUCATION = "Education, Training, and Experience.txt"
EDUCATION_CATEGORIES = "Education, Training, and Experience Categories.txt"
WORK_CONTEXT = "Work Context.txt"
WORK_CONTEXT_CATEGORIES = "Work Context Categories.txt"
TECHNOLOGY = "Technology Skills.txt"
RELATED = "Related Occupations.txt"

# Every file we read, in reading order (categories and ratings before what they label).
FILES = (
    OCCUPATIONS,
    TITLES,
    TASK_RATINGS,
    TASKS,
    JOB_ZONE_LEVELS,
    JOB_ZONES,
    EDUCATION_CATEGORIES,
    EDUCATION,
    WORK_CONTEXT_CATEGORIES,
    WORK_CONTEXT,
    TECHNOLOGY,
    RELATED,
)


@dataclass
class OnetFiles:
    """The O*NET files found in one folder or zip, by base name."""

    label: str
    _folder: dict[str, Path] = field(default_factory=dict)
    _zip: zipfile.ZipFile | None = None
    _members: dict[str, str] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        return name in self._folder or name in self._members

    @contextmanager
    def open_text(self, name: str) -> Iterator[TextIO]:
        """The file as text; "utf-8-sig" drops a byte-order mark if one is there."""
        if name in self._folder:
            with self._folder[name].open(encoding="utf-8-sig", newline="") as handle:
                yield handle
            return
        assert self._zip is not None
        with self._zip.open(self._members[name]) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()


def open_folder(path: Path) -> OnetFiles:
    found: dict[str, Path] = {}
    for file in sorted(path.rglob("*.txt")):
        found.setdefault(file.name, file)
    return OnetFiles(label=str(path), _folder=found)


def open_zip(path: Path) -> OnetFiles:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise Invalid("from", f"{path} is not a readable zip file ({error}).") from None
    members: dict[str, str] = {}
    for info in archive.infolist():
        member = PurePosixPath(info.filename)
        if info.is_dir() or "__MACOSX" in member.parts or member.suffix != ".txt":
            continue
        members.setdefault(member.name, info.filename)
    return OnetFiles(label=str(path), _zip=archive, _members=members)


def open_local(path: Path) -> OnetFiles:
    """A folder or a zip file on this machine."""
    if path.is_dir():
        return open_folder(path)
    if path.is_file():
        return open_zip(path)
    raise Invalid("from", f"{path} does not exist; give an O*NET folder, zip file or URL.")


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def cached_zip_path(url: str, settings: Settings) -> Path:
    name = PurePosixPath(unquote(urlsplit(url).path)).name or "onet.zip"
    if not name.endswith(".zip"):
        name += ".zip"
    return settings.onet_cache_dir / name


def download_release(
    url: str,
    *,
    settings: Settings,
    refresh: bool = False,
    progress: Callable[[int, int | None], None] | None = None,
) -> Path:
    """The release zip at ``url``, downloaded once into COFFEECHAT_HOME and reused."""
    from coffeechat.fetch import fetch_to_file

    dest = cached_zip_path(url, settings)
    if dest.exists() and not refresh and zipfile.is_zipfile(dest):
        return dest
    fetch_to_file(
        url, dest, settings=settings, max_bytes=settings.onet_max_bytes, progress=progress
    )
    if not zipfile.is_zipfile(dest):
        dest.unlink(missing_ok=True)
        raise Invalid("from", f"{url} did not return a zip file; is it an O*NET text release?")
    return dest


def open_source(
    value: str | None,
    *,
    settings: Settings,
    refresh: bool = False,
    progress: Callable[[int, int | None], None] | None = None,
) -> tuple[OnetFiles, str]:
    """The files named by ``--from`` (a folder, zip or URL; default the release) and a label."""
    url = value if value and is_url(value) else None
    if value is None:
        url = settings.onet_url
    if url is not None:
        path = download_release(url, settings=settings, refresh=refresh, progress=progress)
        return open_zip(path), url
    assert value is not None
    path = Path(value).expanduser()
    return open_local(path), str(path)
