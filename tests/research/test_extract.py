"""Reading, decoding and extracting pages and documents, and refusing what is not text."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from coffeechat.config import Settings
from coffeechat.errors import Invalid
from coffeechat.fetch import FetchRefused
from coffeechat.research.classify import sentences
from coffeechat.research.documents import RawInput
from coffeechat.research.ingest import analyse, analyse_raw
from tests.research.conftest import Site

PAGE = """<!DOCTYPE html><html><head><title>About Larkspur Tea</title></head><body>
<div class="cookie-notice"><p>We use cookies to personalise content. Accept all cookies?</p></div>
<nav><a href="/">Home</a> <a href="/shop">Shop</a></nav>
<main><h1>About Larkspur Tea</h1>
<h2>Our mission</h2><p>We exist to bring fairly traded tea from small gardens to city kitchens.
Founded in 2011, we now work with 40 growers.</p>
<h2>Our values</h2><ul><li>Patience: good tea is never rushed.</li>
<li>Fairness: growers set their price.</li></ul>
</main><footer><p>© 2024 Larkspur Tea. All rights reserved.</p></footer></body></html>"""


def _facts(page: str | bytes, **raw: str) -> dict[str, list[str]]:
    data = page.encode("utf-8") if isinstance(page, str) else page
    analysis = analyse_raw(RawInput(data, **raw))  # type: ignore[arg-type]
    found: dict[str, list[str]] = {}
    for fact in analysis.facts:
        found.setdefault(fact.kind, []).append(analysis.extracted.text[fact.start : fact.end])
    return found


def test_it_keeps_the_main_text_and_headings_and_drops_banners_menus_and_footers() -> None:
    analysis = analyse_raw(RawInput(PAGE.encode(), name="about.html"))
    text = analysis.extracted.text
    assert analysis.extracted.title == "About Larkspur Tea"
    assert "Our mission\n\nWe exist to bring" in text
    assert "cookies" not in text and "All rights reserved" not in text and "Shop" not in text


def test_it_finds_the_mission_under_its_heading_and_values_as_list_items() -> None:
    found = _facts(PAGE, name="about.html")
    assert found["mission"] == [
        "We exist to bring fairly traded tea from small gardens to city kitchens."
    ]
    assert found["value"] == [
        "Patience: good tea is never rushed.",
        "Fairness: growers set their price.",
    ]


def test_a_sentence_that_only_mentions_a_mission_is_not_one() -> None:
    page = (
        "<html><body><main><h1>Harbor Tools</h1><p>Our software is mission-critical for "
        "hospitals.</p><p>The grant supports our mission to train nurses.</p>"
        "<p>Learn more about our mission on the history page.</p></main></body></html>"
    )
    assert "mission" not in _facts(page, name="page.html")


def test_it_reads_plain_text_with_headings_and_bullets() -> None:
    text = "Values\n\n- Candour: we say the hard thing kindly.\n- Craft: we sweat details.\n"
    found = _facts(text, name="values.txt")
    assert found["value"] == ["Candour: we say the hard thing kindly.", "Craft: we sweat details."]


def test_it_reads_a_pdf(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Annual report 2024\n\nOur mission is to keep rural clinics open.")
    pdf.output(str(tmp_path / "report.pdf"))
    found = _facts((tmp_path / "report.pdf").read_bytes(), name="report.pdf")
    assert found["mission"] == ["Our mission is to keep rural clinics open."]


def test_a_pdf_without_blank_lines_keeps_its_headings(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in (
        "Annual report 2024",
        "Our purpose",
        "Six clinics keep care close to home for hill-country families.",
        "Our values",
        "- Care: we listen first.",
    ):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "report.pdf"))
    found = _facts((tmp_path / "report.pdf").read_bytes(), name="report.pdf")
    assert found == {
        "mission": ["Six clinics keep care close to home for hill-country families."],
        "value": ["Care: we listen first."],
    }


def test_news_needs_a_date_and_dress_cues_are_found_anywhere() -> None:
    page = (
        "<html><body><main><h2>News</h2><p>On June 4, 2024 we opened a bakery in Salem.</p>"
        "<p>Our bakers wear uniforms; office staff wear jeans.</p></main></body></html>"
    )
    found = _facts(page, name="n.html")
    assert found["news"] == ["On June 4, 2024 we opened a bakery in Salem."]
    assert found["dress_cue"] == ["Our bakers wear uniforms; office staff wear jeans."]


def test_sentences_do_not_end_at_abbreviations() -> None:
    text = "Dr. Ruiz founded Acme Inc. in 2001. It grew fast."
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        "Dr. Ruiz founded Acme Inc. in 2001.",
        "It grew fast.",
    ]


def test_a_page_declared_utf8_but_written_in_windows_1252_is_still_read() -> None:
    page = "<html><head><meta charset='utf-8'></head><body><main><h2>Our mission</h2>"
    page += "<p>Our mission is to serve caf\u00e9 owners with fair prices.</p></main></body></html>"
    found = _facts(page.encode("cp1252"), name="cafe.html")
    assert found["mission"] == ["Our mission is to serve caf\u00e9 owners with fair prices."]


def test_an_undeclared_latin1_text_file_is_read() -> None:
    found = _facts("Our mission is to fund na\u00efve art in Montr\u00e9al.".encode("latin-1"))
    assert found["mission"] == ["Our mission is to fund na\u00efve art in Montr\u00e9al."]


def test_utf16_without_a_byte_order_mark_is_read() -> None:
    found = _facts("Our mission is to teach sailing to every child.".encode("utf-16-le"))
    assert found["mission"] == ["Our mission is to teach sailing to every child."]


def test_a_truncated_html_page_is_read_as_far_as_it_goes() -> None:
    page = PAGE[: PAGE.index("<h2>Our values")] + "<h2>Our val"
    found = _facts(page, name="cut.html")
    assert found["mission"] == [
        "We exist to bring fairly traded tea from small gardens to city kitchens."
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n  ", "is empty"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no readable text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "is a PNG image"),
        (b"PK\x03\x04" + bytes(100), "ZIP archive"),
        (bytes(range(256)) * 20, "binary file"),
        (b"%PDF-1.7\n1 0 obj <<", "damaged or truncated PDF"),
    ],
)
def test_it_refuses_input_that_is_not_readable_text(data: bytes, message: str) -> None:
    with pytest.raises(Invalid, match=message):
        analyse_raw(RawInput(data, name="upload"))


def test_it_names_a_missing_file(settings: Settings) -> None:
    with pytest.raises(Invalid, match="neither a web address nor a file"):
        analyse("no-such-page.html", settings=settings)


def test_a_local_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_text(PAGE * 2000, encoding="utf-8")
    small = Settings(home=tmp_path, fetch_max_bytes=1024 * 1024)
    with pytest.raises(Invalid, match="source: huge.html is larger than the 1 MB limit"):
        analyse(str(path), settings=small)


def test_it_fetches_a_url_through_the_guarded_fetcher(site: Site, settings: Settings) -> None:
    url = site.page("/about", PAGE)
    analysis = analyse(url, settings=settings)
    assert analysis.extracted.url == url
    assert analysis.as_json()["chars"] == len(analysis.extracted.text)


def test_it_refuses_a_local_address_unless_the_operator_allows_it(
    site: Site, tmp_path: Path
) -> None:
    url = site.page("/about", PAGE)
    with pytest.raises(FetchRefused, match="COFFEECHAT_ALLOW_PRIVATE_FETCH"):
        analyse(url, settings=Settings(home=tmp_path))
    assert site.requested == []


@pytest.mark.parametrize("path", ["/huge", "/huge-undeclared"])
def test_a_50_mb_download_is_refused_by_the_size_cap(
    site: Site, settings: Settings, path: str
) -> None:
    with pytest.raises(FetchRefused, match="larger than the 5 MB limit"):
        analyse(site.url + path, settings=settings)


def test_an_overlong_address_is_refused_before_fetching(settings: Settings) -> None:
    with pytest.raises(Invalid, match="limited to 2000 characters"):
        analyse("https://example.org/" + "a" * 2000, settings=settings)


def test_other_schemes_are_refused(settings: Settings) -> None:
    with pytest.raises(FetchRefused, match="Only http and https"):
        analyse("file:///etc/passwd", settings=settings)
