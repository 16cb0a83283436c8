"""``coffeechat research``: exact output, JSON shapes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Cli
from tests.research.conftest import Site

PAGE = """<html><head><title>About Orchard Lane</title></head><body><main>
<h1>About Orchard Lane</h1>
<h2>Our mission</h2><p>Our mission is to keep family orchards in business for another century.</p>
<h2>Life at Orchard Lane</h2><p>Our teams work flexible hours during the off season.</p>
</main></body></html>"""


def _lines(output: str) -> list[str]:
    """Output lines without the padding tables add on the right."""
    return [line.rstrip() for line in output.splitlines()]


def _page(tmp_path: Path, text: str = PAGE, name: str = "about.html") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_extract_prints_the_documented_json_without_storing_anything(
    cli: Cli, tmp_path: Path
) -> None:
    result = cli("research", "extract", _page(tmp_path), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["title", "url", "chars", "facts"]
    assert data["title"] == "About Orchard Lane" and data["url"] is None
    mission = data["facts"][0]
    assert mission == {
        "kind": "mission",
        "text": "Our mission is to keep family orchards in business for another century.",
        "start": mission["start"],
        "end": mission["end"],
        "confidence": 0.95,
    }
    assert mission["end"] - mission["start"] == len(mission["text"])
    listed = cli("orgs", "list", "--json")
    assert json.loads(listed.stdout) == []


def test_extract_reads_stdin(cli: Cli) -> None:
    result = cli("research", "extract", "-", input="Our purpose is to plant ten thousand trees.")
    assert result.exit_code == 0
    assert _lines(result.stdout) == [
        "(untitled) · 43 characters of text",
        "Kind     Conf.  Sentence",
        "mission  0.90   Our purpose is to plant ten thousand trees.",
    ]


def test_add_then_list_confirm_edit_and_reject(cli: Cli, tmp_path: Path) -> None:
    added = cli("research", "add", "Orchard Lane", _page(tmp_path))
    assert added.stdout == (
        "Added 'About Orchard Lane' as source 1: 2 facts (1 culture, 1 mission).\n"
    )
    again = cli("research", "add", "orchard lane", "-", input=PAGE)
    assert again.stdout == (
        "Updated 'About Orchard Lane' as source 1: 2 facts (1 culture, 1 mission).\n"
    )
    assert cli("research", "confirm", "1").stdout == "Confirmed fact 1 (mission).\n"
    assert cli("research", "edit", "2", "Flexible hours off season.").stdout == (
        "Edited fact 2 (culture).\n"
    )
    listed = cli("research", "facts", "Orchard Lane")
    assert _lines(listed.stdout) == [
        "Orchard Lane",
        "ID  Kind     Status     Fact",
        "1   mission  confirmed  Our mission is to keep family orchards in business for",
        "                        another century.",
        "2   culture  confirmed  Flexible hours off season.",
    ]
    assert cli("research", "reject", "1").stdout == "Rejected fact 1 (mission).\n"
    facts = json.loads(cli("research", "facts", "1", "--json").stdout)
    assert [(f["id"], f["kind"], f["status"], f["edited_text"]) for f in facts] == [
        (2, "culture", "confirmed", "Flexible hours off season.")
    ]
    assert facts[0]["source"] == {"id": 1, "url": None, "title": "About Orchard Lane"}
    everything = json.loads(cli("research", "facts", "1", "--all", "--json").stdout)
    assert [f["status"] for f in everything] == ["rejected", "confirmed"]


def test_unknown_facts_and_organizations_exit_2(cli: Cli) -> None:
    result = cli("research", "confirm", "99")
    assert (result.exit_code, result.stderr) == (2, "Error: No fact with id 99.\n")
    assert cli("research", "facts", "42").exit_code == 2


def test_a_binary_file_is_refused_with_exit_2_and_nothing_stored(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    result = cli("research", "add", "Orchard Lane", str(path))
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: source: photo.png is a PNG image, not a web page, PDF or text\n"
    )
    assert json.loads(cli("orgs", "list", "--json").stdout) == []


def test_a_page_with_no_text_is_refused(cli: Cli, tmp_path: Path) -> None:
    empty = _page(tmp_path, "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    result = cli("research", "extract", empty)
    assert result.exit_code == 2
    assert result.stderr == "Error: source: no readable text found in about.html\n"


def test_fetching_from_the_local_network_needs_the_operator_setting(cli: Cli, site: Site) -> None:
    url = site.page("/about", PAGE)
    refused = cli("research", "add", "Orchard Lane", url)
    assert refused.exit_code == 2
    assert "COFFEECHAT_ALLOW_PRIVATE_FETCH=1" in refused.stderr
    cli.env["COFFEECHAT_ALLOW_PRIVATE_FETCH"] = "1"
    added = cli("research", "add", "Orchard Lane", url, "--json")
    assert added.exit_code == 0
    data = json.loads(added.stdout)
    assert data["source"] == {"id": 1, "url": url, "title": "About Orchard Lane"}
    assert data["created"] is True and len(data["facts"]) == 2


def test_a_50_mb_download_is_refused_and_nothing_is_stored(cli: Cli, site: Site) -> None:
    cli.env["COFFEECHAT_ALLOW_PRIVATE_FETCH"] = "1"
    result = cli("research", "add", "Orchard Lane", site.url + "/huge-undeclared")
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {site.url}/huge-undeclared is larger than the 5 MB limit.\n")
    assert json.loads(cli("orgs", "list", "--json").stdout) == []
