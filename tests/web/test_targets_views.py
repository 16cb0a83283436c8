"""The target list page, the warm paths on an organization's page, and the progress page."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coffeechat.models import Interview, Stage, User, utcnow
from coffeechat.network.profile import update_profile
from coffeechat.network.targets import add_target, list_targets
from tests.factories import make_org, make_person
from tests.targets.conftest import ask
from tests.web.conftest import count_queries, csrf_token, flash_after, page, post_form, text_of


def scores_of(db: Session, me: User) -> list[tuple[str, int, int | None]]:
    db.expire_all()
    return [(r.name, r.target.motivation, r.target.postings) for r in list_targets(db, owner=me)]


def test_an_empty_list_invites_the_user_to_add_organizations(client: TestClient) -> None:
    soup = page(client.get("/targets"))
    assert text_of(soup, "section.empty h2") == "No targets yet"
    assert soup.select_one("form[action='/targets/add'] textarea[name=names]") is not None
    assert soup.select_one("nav a[href='/targets']")["aria-current"] == "page"


def test_adding_a_batch_lists_the_organizations_in_lamp_order(
    client: TestClient, db: Session, me: User
) -> None:
    for name in ("Acme", "Beta"):
        make_org(db, me, name)
    ada = make_person(db, me, "Ada Lovelace", org="Beta")
    ask(db, me, ada, "2026-11-16", replied="2026-11-17", held="2026-11-20")
    make_person(db, me, "Al Alum", org="Beta", how_met="alumni")
    db.flush()
    response = post_form(client, "/targets/add", {"names": "acme\nBeta\n"})
    assert flash_after(client, response) == "Added Acme, Beta."
    soup = page(client.get("/targets"))
    rows = soup.select("table.targets tbody tr")
    assert [text_of(row, "th") for row in rows] == ["Beta", "Acme"]
    assert text_of(rows[0], "td.advocacy") == "Advocate · Ada Lovelace · alumni: Al Alum"
    assert rows[0].select_one("th a")["href"].endswith("#paths")


def test_unknown_names_are_refused_and_named_unless_the_user_adds_them(
    client: TestClient, db: Session, me: User
) -> None:
    make_org(db, me, "Acme")
    db.flush()
    response = post_form(client, "/targets/add", {"names": "Acme\nAcmee\nZeta Labs"})
    assert response.status_code == 422
    soup = page(response)
    assert text_of(soup, "#e-names") == (
        "no organization named 'Acmee' (did you mean 'Acme'?), 'Zeta Labs'"
    )
    assert soup.select_one("#f-names").get_text() == "Acme\nAcmee\nZeta Labs"
    assert soup.select_one(".form-errors[role=alert]") is not None
    assert scores_of(db, me) == []
    created = post_form(client, "/targets/add", {"names": "Zeta Labs, Inc.", "create": "yes"})
    assert flash_after(client, created) == "Added Zeta Labs, Inc.."
    assert [name for name, _m, _p in scores_of(db, me)] == ["Zeta Labs, Inc."]


def test_saving_scores_sets_every_row_at_once(client: TestClient, db: Session, me: User) -> None:
    targets = [add_target(db, owner=me, ref=n, create=True) for n in ("Acme", "Beta")]
    db.flush()
    acme, beta = (t.id for t in targets)
    response = post_form(
        client,
        "/targets",
        {
            f"motivation-{acme}": "1", f"postings-{acme}": "",  f"notes-{acme}": "",
            f"motivation-{beta}": "3", f"postings-{beta}": "2", f"notes-{beta}": "data team",
        },
    )  # fmt: skip
    assert flash_after(client, response) == "Saved the scores of 2 targets."
    assert scores_of(db, me) == [("Beta", 3, 2), ("Acme", 1, None)]
    soup = page(client.get("/targets"))
    assert soup.select_one(f"#f-notes-{beta}")["value"] == "data team"


def test_a_score_out_of_range_is_named_beside_its_box_and_nothing_is_saved(
    client: TestClient, db: Session, me: User
) -> None:
    targets = [add_target(db, owner=me, ref=n, create=True) for n in ("Acme", "Beta")]
    db.flush()
    acme, beta = (t.id for t in targets)
    response = post_form(
        client,
        "/targets",
        {
            f"motivation-{acme}": "2", f"postings-{acme}": "3", f"notes-{acme}": "",
            f"motivation-{beta}": "7", f"postings-{beta}": "x", f"notes-{beta}": "",
        },
    )  # fmt: skip
    assert response.status_code == 422
    soup = page(response)
    assert text_of(soup, f"#e-motivation-{beta}") == "Must be 0, 1, 2 or 3 (got 7)."
    assert text_of(soup, f"#e-postings-{beta}") == "Enter a whole number, not 'x'."
    assert [li.get_text() for li in soup.select(".form-errors li")] == [
        "Motivation for Beta: Must be 0, 1, 2 or 3 (got 7).",
        "Postings for Beta: Enter a whole number, not 'x'.",
    ]
    box = soup.select_one(f"#f-motivation-{beta}")
    assert box["value"] == "7" and box["aria-invalid"] == "true"
    assert box["aria-describedby"].endswith(f"e-motivation-{beta}")
    assert soup.select_one(f"#f-motivation-{acme}")["value"] == "2"
    assert scores_of(db, me) == [("Acme", 0, None), ("Beta", 0, None)]


def test_the_page_is_built_for_the_keyboard(client: TestClient, db: Session, me: User) -> None:
    for n in range(3):
        add_target(db, owner=me, ref=f"Org {n}", create=True)
    db.flush()
    soup = page(client.get("/targets"))
    form = soup.select_one("form#scores")
    boxes = form.select("input[data-score]")
    assert len(boxes) == 6
    for box in boxes:
        assert box["inputmode"] == "numeric" and box.get("tabindex") is None
        assert box["aria-label"].startswith(("Motivation for Org", "Postings for Org"))
    # Enter in a box presses the form's first own button: it must be the save button.
    # The Remove buttons sit in the table but belong to their own forms (form="remove-N").
    own = [b for b in form.select("button[type=submit]") if not b.get("form")]
    assert [b.get_text() for b in own] == ["Save scores"]
    removers = form.select("button[form]")
    assert len(removers) == 3
    for button in removers:
        assert soup.select_one(f"form#{button['form']}[method=post]") is not None


def test_removing_a_target_keeps_the_organization(
    client: TestClient, db: Session, me: User
) -> None:
    target = add_target(db, owner=me, ref="Acme", create=True)
    db.flush()
    target_id, org_id = target.id, target.organization_id
    response = post_form(client, f"/targets/{target_id}/remove", {})
    assert flash_after(client, response) == "Removed Acme from your targets."
    assert scores_of(db, me) == []
    assert client.get(f"/orgs/{org_id}").status_code == 200


def test_forms_without_the_token_are_refused(client: TestClient, db: Session, me: User) -> None:
    target = add_target(db, owner=me, ref="Acme", create=True)
    db.flush()
    csrf_token(client)
    refused = client.post(f"/targets/{target.id}/remove", data={})
    assert refused.status_code == 403
    assert scores_of(db, me) == [("Acme", 0, None)]


def test_an_organization_page_shows_its_warm_paths(
    client: TestClient, db: Session, me: User
) -> None:
    acme = make_org(db, me, "Acme")
    ann = make_person(db, me, "Ann Friend", org="Beta")
    make_person(db, me, "Bea Inside", org="Acme", title="Analyst", referred_by=ann.id)
    ask(db, me, ann, "2026-11-16", replied="2026-11-17", held="2026-11-20")
    db.flush()
    soup = page(client.get(f"/orgs/{acme.id}"))
    items = soup.select("#paths ol.path-list li")
    assert [a.get_text() for a in items[0].select("a")] == ["Ann Friend", "Bea Inside"]
    assert "referred you to Bea Inside (works at Acme)" in text_of(items[0], ".muted")
    assert [a.get_text() for a in items[1].select("a")] == ["Bea Inside"]


def test_an_organization_nobody_is_near_lists_who_could_introduce_the_user(
    client: TestClient, db: Session, me: User
) -> None:
    update_profile(db, owner=me, schools=["Lakeshore State"])
    zeta = make_org(db, me, "Zeta")
    make_person(db, me, "Al Alum", how_met="alumni")
    db.flush()
    soup = page(client.get(f"/orgs/{zeta.id}"))
    assert text_of(soup, "#paths ul.introducers li") == "Al Alum · a fellow alum (how you met)"


def test_an_unanswered_first_request_suggests_the_next_person_on_the_page(
    client: TestClient, db: Session, me: User
) -> None:
    acme = make_org(db, me, "Acme")
    first = make_person(db, me, "First Asked", org="Acme")
    make_person(db, me, "Next Best", org="Acme")
    db.add(
        Interview(
            owner_id=me.id,
            person_id=first.id,
            organization_id=acme.id,
            stage=Stage.REQUESTED.value,
            requested_at=utcnow() - timedelta(days=14),
            takeaways=[],
        )
    )
    db.flush()
    summary = text_of(page(client.get(f"/orgs/{acme.id}")), "#paths .next-contact")
    assert summary.startswith("No reply from First Asked at Acme since ")
    assert summary.endswith("write to Next Best next.")


def test_the_progress_page_shows_the_figures_and_a_chart_of_new_contacts(
    client: TestClient, db: Session, me: User
) -> None:
    ada = make_person(db, me, "Ada", org="Acme")
    make_person(db, me, "Bob", referred_by=ada.id)
    ask(db, me, ada, "2026-11-02", replied="2026-11-03", held="2026-11-06", thanked="2026-11-06")
    db.flush()
    soup = page(client.get("/stats"))
    assert text_of(soup, "#requests") == "1"
    assert text_of(soup, "#replies") == "1 (100%)"
    assert text_of(soup, "#thanks").startswith("1 of 1 (100%)")
    assert text_of(soup, "#organizations") == "1 · Acme"
    bars = soup.select("figure.chart svg g.bar")
    assert len(bars) == 12
    assert bars[-1].select_one("title").get_text().endswith(": 2")
    assert soup.select_one("figure.chart svg")["role"] == "img"


def test_the_pages_cost_the_same_queries_for_few_and_many_targets(
    client: TestClient, db: Session, me: User, engine: Engine
) -> None:
    def grow(start: int, count: int) -> int:
        org_id = 0
        for n in range(start, start + count):
            target = add_target(db, owner=me, ref=f"Org {n}", create=True, motivation=n % 4)
            person = make_person(db, me, f"Person {n}", org=f"Org {n}")
            make_person(db, me, f"Friend {n}", referred_by=person.id)
            org_id = target.organization_id or 0
        db.flush()
        return org_id

    org_id = grow(0, 2)
    client.get("/")
    paths = ["/targets", "/stats", f"/orgs/{org_id}"]
    small = []
    for path in paths:
        with count_queries(engine) as counter:
            assert client.get(path).status_code == 200
        small.append(counter.count)
    grow(2, 20)
    for path, before in zip(paths, small, strict=True):
        with count_queries(engine) as counter:
            assert client.get(path).status_code == 200
        assert counter.count == before, path


def test_a_persons_page_says_how_they_answer_requests(
    client: TestClient, db: Session, me: User
) -> None:
    ada = make_person(db, me, "Ada Lovelace")
    ask(db, me, ada, "2026-11-16", replied="2026-11-17", held="2026-11-20")
    quiet = make_person(db, me, "Quiet Quinn")
    db.flush()
    shown = text_of(page(client.get(f"/people/{ada.id}")), "dd.pattern")
    assert shown == "Booster · replied within 3 business days and met you"
    assert text_of(page(client.get(f"/people/{quiet.id}")), "dd.pattern") == (
        "Not known yet · no request sent yet"
    )
