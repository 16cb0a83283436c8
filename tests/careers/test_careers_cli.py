"""`coffeechat careers …` end to end, including the release download from a local server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.careers.conftest import DEV, RELEASE, only, write_release, zip_release
from tests.conftest import Cli

IMPORT_SUMMARY = """\
Imported O*NET data from {source}
         3  Occupation Data.txt
         5  Alternate Titles.txt
         4  Task Ratings.txt
         5  Task Statements.txt
         2  Job Zone Reference.txt
         2  Job Zones.txt
         4  Education, Training, and Experience Categories.txt
         4  Education, Training, and Experience.txt
         4  Work Context Categories.txt
         7  Work Context.txt
         3  Technology Skills.txt
         2  Related Occupations.txt
"""


@dataclass
class Release:
    """A local web server handing out one O*NET zip, counting the downloads."""

    url: str
    body: bytes = b""
    status: int = 200
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Release]:
    archive = zip_release(write_release(tmp_path / "to-serve"), tmp_path / "served.zip")
    release = Release(url="", body=archive.read_bytes())

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            release.requests.append(self.path)
            self.send_response(release.status)
            self.send_header("Content-Type", "application/zip")
            self.send_header("Content-Length", str(len(release.body)))
            self.end_headers()
            self.wfile.write(release.body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    release.url = f"http://127.0.0.1:{httpd.server_address[1]}/dl/db_30_3_text.zip"
    yield release
    httpd.shutdown()
    httpd.server_close()


def _loaded(cli: Cli, tmp_path: Path) -> None:
    result = cli("careers", "import-onet", "--from", str(write_release(tmp_path / "release")))
    assert result.exit_code == 0, result.stderr


def test_import_from_a_folder_says_what_it_loaded(cli: Cli, tmp_path: Path) -> None:
    folder = write_release(tmp_path / "release")
    result = cli("careers", "import-onet", "--from", str(folder))
    assert result.exit_code == 0
    assert result.stdout == IMPORT_SUMMARY.format(source=folder)
    assert result.stderr == ""


def test_import_lists_missing_files_and_warns_about_bad_rows(cli: Cli, tmp_path: Path) -> None:
    files = only("Occupation Data.txt")
    files["Alternate Titles.txt"] = [*RELEASE["Alternate Titles.txt"], [DEV, "Half a row"]]
    folder = write_release(tmp_path / "partial", files)
    result = cli("careers", "import-onet", "--from", str(folder), "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["counts"] == {"Occupation Data.txt": 3, "Alternate Titles.txt": 5}
    assert "Job Zones.txt" in report["missing_files"]
    assert report["warnings"] == [
        {"file": "Alternate Titles.txt", "line": 7, "message": "expected 4 fields, found 2"}
    ]
    result = cli("careers", "import-onet", "--from", str(folder))
    assert "   missing  Job Zones.txt" in result.stdout
    assert result.stderr == (
        "Warning: Alternate Titles.txt, line 7: expected 4 fields, found 2 (row skipped)\n"
    )


def test_import_without_occupation_data_fails_and_stores_nothing(cli: Cli, tmp_path: Path) -> None:
    folder = write_release(tmp_path / "no-occupations", only("Alternate Titles.txt"))
    result = cli("careers", "import-onet", "--from", str(folder))
    assert result.exit_code == 2
    assert "Error: from: " in result.stderr and "has no 'Occupation Data.txt'" in result.stderr
    assert cli("careers", "search", "nurse").stderr == (
        "Error: O*NET data is not loaded yet; run: coffeechat careers import-onet\n"
    )


def test_import_from_a_missing_path_names_it(cli: Cli, tmp_path: Path) -> None:
    result = cli("careers", "import-onet", "--from", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: from: {tmp_path / 'nowhere'} does not exist; "
        "give an O*NET folder, zip file or URL.\n"
    )


def test_import_downloads_the_release_once_and_caches_it(
    cli: Cli, served: Release, tmp_path: Path
) -> None:
    cli.env |= {"COFFEECHAT_ONET_URL": served.url, "COFFEECHAT_ALLOW_PRIVATE_FETCH": "1"}
    first = cli("careers", "import-onet")
    assert first.exit_code == 0, first.stderr
    assert first.stdout == IMPORT_SUMMARY.format(source=served.url)
    assert (tmp_path / "onet" / "db_30_3_text.zip").read_bytes() == served.body
    assert cli("careers", "import-onet").exit_code == 0
    assert len(served.requests) == 1  # the second import used the cached zip
    assert cli("careers", "import-onet", "--refresh").exit_code == 0
    assert served.requests == ["/dl/db_30_3_text.zip"] * 2


def test_import_from_an_explicit_url(cli: Cli, served: Release) -> None:
    cli.env["COFFEECHAT_ALLOW_PRIVATE_FETCH"] = "1"
    result = cli("careers", "import-onet", "--from", served.url, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["source"] == served.url


def test_the_download_refuses_a_private_address_unless_allowed(cli: Cli, served: Release) -> None:
    result = cli("careers", "import-onet", "--from", served.url)
    assert result.exit_code == 2
    assert "a loopback address" in result.stderr
    assert served.requests == []


def test_a_failed_download_exits_1_and_caches_nothing(
    cli: Cli, served: Release, tmp_path: Path
) -> None:
    cli.env["COFFEECHAT_ALLOW_PRIVATE_FETCH"] = "1"
    served.status = 404
    result = cli("careers", "import-onet", "--from", served.url)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {served.url} answered HTTP 404.\n"
    assert not (tmp_path / "onet" / "db_30_3_text.zip").exists()


def test_a_download_over_the_size_cap_is_refused(cli: Cli, served: Release) -> None:
    cli.env |= {"COFFEECHAT_ALLOW_PRIVATE_FETCH": "1", "COFFEECHAT_ONET_MAX_BYTES": "1024"}
    result = cli("careers", "import-onet", "--from", served.url)
    assert result.exit_code == 2
    assert "larger than the" in result.stderr


def test_a_download_that_is_not_a_zip_is_refused(cli: Cli, served: Release, tmp_path: Path) -> None:
    cli.env["COFFEECHAT_ALLOW_PRIVATE_FETCH"] = "1"
    served.body = b"<html>Maintenance</html>"
    result = cli("careers", "import-onet", "--from", served.url)
    assert result.exit_code == 2
    assert "did not return a zip file" in result.stderr
    assert not (tmp_path / "onet" / "db_30_3_text.zip").exists()


def test_search_prints_a_ranked_table_and_json(cli: Cli, tmp_path: Path) -> None:
    _loaded(cli, tmp_path)
    result = cli("careers", "search", "backend enginer")
    assert result.exit_code == 0
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines == [
        "Code        Occupation           Matched title     Score",
        "15-1252.00  Software Developers  Backend Engineer  94",
    ]
    hits = json.loads(cli("careers", "search", "nurse", "--json").stdout)
    assert hits == [
        {
            "code": "29-1141.00",
            "title": "Registered Nurses",
            "matched": "Registered Nurses",
            "score": 93,
        }
    ]


def test_search_with_no_match_says_so(cli: Cli, tmp_path: Path) -> None:
    _loaded(cli, tmp_path)
    result = cli("careers", "search", "astronaut")
    assert result.exit_code == 0
    assert result.stdout == (
        "No occupation matches 'astronaut'. Try fewer or more general words.\n"
    )


def test_show_prints_the_dossier_with_the_onet_credit(cli: Cli, tmp_path: Path) -> None:
    _loaded(cli, tmp_path)
    result = cli("careers", "show", DEV)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Software Developers (15-1252.00)\n")
    assert "   4.6  Meet users to learn what they need.\n" in out
    assert "  Job Zone 4: Considerable preparation\n" in out
    assert "  Most reported education: Bachelor's Degree (64%), Master's Degree (28%)\n" in out
    assert "  Indoors, climate-controlled: Every day (91% of workers)\n" in out
    assert "  Python (hot) · Object or component oriented development software\n" in out
    assert "  29-1141.00  Registered Nurses\n" in out
    assert out.rstrip().endswith("has not approved or endorsed these summaries.")
    assert "CC BY 4.0" in out


def test_show_json_has_every_section(cli: Cli, tmp_path: Path) -> None:
    _loaded(cli, tmp_path)
    dossier = json.loads(cli("careers", "show", "15-1252", "--json").stdout)
    assert list(dossier) == [
        "code",
        "title",
        "description",
        "alternate_titles",
        "tasks",
        "job_zone",
        "education",
        "experience",
        "workplace",
        "technologies",
        "related",
        "remote",
        "imported_at",
        "attribution",
    ]
    assert dossier["tasks"][0] == {
        "text": "Meet users to learn what they need.",
        "importance": 4.62,
        "core": True,
    }
    assert dossier["job_zone"]["level"] == 4


def test_show_rejects_a_bad_or_unknown_code(cli: Cli, tmp_path: Path) -> None:
    _loaded(cli, tmp_path)
    bad = cli("careers", "show", "nurse")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "Error: code: 'nurse' is not an O*NET-SOC code like 15-1252.00.\n",
    )
    unknown = cli("careers", "show", "99-9999.00")
    assert (unknown.exit_code, unknown.stderr) == (
        2,
        "Error: No O*NET occupation with id 99-9999.00.\n",
    )


def test_link_and_list(cli: Cli, tmp_path: Path) -> None:
    _loaded(cli, tmp_path)
    assert cli("careers", "list").stdout.startswith("No careers yet.")
    cli("people", "add", "Ada Lovelace")
    cli("interviews", "new", "1", "--focus", "career")
    result = cli("careers", "link", "1", DEV)
    assert result.stdout == "Interview 1 now explores Software Developers (15-1252.00).\n"
    assert json.loads(cli("careers", "list", "--json").stdout) == [
        {"id": 1, "code": DEV, "title": "Software Developers", "interviews": 1}
    ]
    shown = json.loads(cli("interviews", "show", "1", "--json").stdout)
    assert shown["career"] == {"id": 1, "code": DEV, "title": "Software Developers"}
    missing = cli("careers", "link", "7", DEV)
    assert (missing.exit_code, missing.stderr) == (2, "Error: No interview with id 7.\n")
