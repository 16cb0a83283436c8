"""User text is never markup: escaped everywhere, notes as Markdown without raw HTML."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from coffeechat.models import User
from coffeechat.web.text import markdown
from tests.factories import make_interview, make_person
from tests.web.conftest import page

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_markdown_keeps_formatting_but_escapes_raw_html() -> None:
    html = str(markdown(f"**bold** and {PAYLOAD}"))
    assert "<strong>bold</strong>" in html
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_markdown_drops_javascript_links() -> None:
    html = str(markdown("[click](javascript:alert(1)) [ok](https://example.com)"))
    assert 'href="javascript:' not in html
    assert 'href="https://example.com"' in html


def test_planted_markup_in_every_field_comes_out_as_text(
    client: TestClient, db: Session, me: User
) -> None:
    person = make_person(
        db, me, f"Eve {PAYLOAD}", org=f"Org {PAYLOAD}", title=PAYLOAD, location=PAYLOAD,
        notes=PAYLOAD, tags=["<b>tag</b>"],
    )  # fmt: skip
    make_interview(db, me, person, goal=PAYLOAD)
    db.flush()
    for path in ("/", "/people", f"/people/{person.id}", f"/people/{person.id}/edit",
                 f"/orgs/{person.organization_id}", "/interviews"):  # fmt: skip
        soup = page(client.get(path))
        assert not soup.find_all("script", src=False), path
        assert not soup.select("img[onerror]"), path
        assert not soup.select("b:-soup-contains('tag')"), path
        assert "alert(" in soup.get_text(), path
