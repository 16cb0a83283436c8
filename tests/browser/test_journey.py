"""A new user's whole journey, from an empty database, in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.conftest import ARTIFACTS, shot


def test_a_new_user_adds_people_plans_and_moves_an_interview(server: str, page: Page) -> None:
    page.goto(server)
    expect(page.locator("h1")).to_have_text("Welcome to Coffeechat")
    shot(page, "01-welcome")

    page.get_by_role("link", name="Add your first person").click()
    page.get_by_label("Emails").fill("not an email")
    page.get_by_role("button", name="Add person").click()
    expect(page.locator("#e-name")).to_have_text("Enter the person's name.")
    expect(page.locator("#e-emails")).to_contain_text("not a valid email address")
    expect(page.get_by_label("Emails")).to_have_value("not an email")
    shot(page, "02-form-errors")

    page.get_by_label("Name").fill("Priya Natarajan")
    page.get_by_label("Job title").fill("Senior Data Analyst")
    page.get_by_label("Organization").fill("Northwind Health")
    page.get_by_label("How you met").select_option("alumni")
    page.get_by_label("Emails").fill("priya@northwind.example")
    page.get_by_label("Notes").fill("Runs the **readmissions** dashboard.")
    page.get_by_role("button", name="Add person").click()
    expect(page.locator(".flash")).to_have_text("Added Priya Natarajan.")
    expect(page.locator(".prose strong")).to_have_text("readmissions")
    shot(page, "03-person")
    priya = page.url

    page.get_by_role("link", name="Northwind Health").first.click()
    page.get_by_label("Pasted text").fill(
        "Our mission\n\nWe bring good care close to home for every family in the region.\n\n"
        "Culture\n\nAnalysts sit with nurses on the wards one day a week."
    )
    page.get_by_role("button", name="Add text").click()
    expect(page.locator(".flash")).to_contain_text("to review")
    first = page.locator("ul.facts-list li").first
    first.get_by_role("button", name="Confirm").click()
    expect(page.locator(".flash")).to_have_text("Fact confirmed.")
    shot(page, "03b-organization")
    page.goto(priya)
    expect(page.locator("h1")).to_have_text("Priya Natarajan")

    page.get_by_role("link", name="Add someone Priya introduced you to").click()
    expect(page.get_by_label("Referred by")).to_have_value(re.compile(r"\d+"))
    page.get_by_label("Name").fill("Elena Sokolova")
    page.get_by_role("button", name="Add person").click()
    expect(page.locator("dl.facts")).to_contain_text("Priya Natarajan")
    page.get_by_role("link", name="Priya Natarajan").first.click()
    expect(page.get_by_role("link", name="Elena Sokolova").first).to_be_visible()

    page.get_by_label("What do you hope to learn?").fill("How a teacher moves into analytics")
    page.get_by_role("button", name="Plan interview").click()
    expect(page.locator(".flash")).to_have_text("Interview planned. Now prepare for it.")
    page.get_by_label("Move to").select_option("requested")
    page.get_by_role("button", name="Move").click()
    expect(page.locator(".flash")).to_contain_text("moved to requested")
    interview = page.url.split("#")[0]

    page.get_by_role("button", name="Plan questions").click()
    expect(page.locator(".flash")).to_contain_text("Planned")
    expect(page.locator("ol.questions li").first).to_be_visible()
    own = page.get_by_label("Add your own question")
    own.fill("Can you get me a job at your company?")
    expect(page.locator("#lint-result .finding").first).to_be_visible()
    own.fill("What surprised you most in your first year here?")
    expect(page.locator("#lint-result .good")).to_have_text(
        "Reads well: open, specific and polite."
    )
    page.get_by_role("button", name="Add question").click()
    expect(page.locator(".flash")).to_have_text("Added your question. It reads well.")
    expect(page.locator("ol.questions")).to_contain_text("What surprised you most")
    shot(page, "04-interview")

    page.get_by_label("Date and time (UTC)").fill("2031-03-04T15:00")
    page.get_by_label("Venue").select_option("coffee")
    page.get_by_label("Place or address").fill("Blue Door Café, 12 Main St")
    page.get_by_role("button", name="Schedule").click()
    expect(page.locator(".flash")).to_contain_text("Scheduled for Tuesday 4 March 2031, 15:00")

    page.get_by_role("link", name="Print the brief").click()
    expect(page.locator("h1")).to_have_text("Coffee chat with Priya Natarajan")
    expect(page.locator("body")).to_contain_text("What surprised you most")
    # The brief's own stylesheet must apply despite the strict policy.
    heading = page.evaluate("getComputedStyle(document.querySelector('h1')).color")
    assert heading == "rgb(47, 93, 80)"
    page.pdf(path=str(ARTIFACTS / "brief.pdf"))
    shot(page, "04b-brief")
    page.goto(interview)

    page.get_by_role("link", name="Today").click()
    scheduled = page.locator(".column[data-stage=scheduled] .board-card")
    expect(scheduled).to_have_count(1)
    expect(page.locator("ul.meetings")).to_contain_text("Priya Natarajan")
    scheduled.drag_to(page.locator(".column[data-stage=held]"))
    expect(page.locator(".flash")).to_contain_text("moved to held")
    expect(page.locator(".column[data-stage=held] .board-card")).to_have_count(1)
    shot(page, "05-today")

    page.goto(interview)
    page.get_by_label("Notes", exact=True).fill("She moved from lab work to analytics via SQL.")
    page.get_by_label("Key takeaways").fill("Build one small public project")
    page.get_by_label("People they suggested you talk to").fill("Dana Lee, Head of Data at Globex")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".flash")).to_contain_text("Added Dana Lee to your network")
    thanks = page.locator("article.draft", has=page.locator("#draft-thank-you-h"))
    expect(thanks.locator("textarea")).to_contain_text("Build one small public project")
    expect(thanks.get_by_role("link", name="Open in your email")).to_have_attribute(
        "href", re.compile(r"^mailto:priya@northwind\.example\?subject=")
    )
    thanks.get_by_role("button", name="Copy message").click()
    thanks.get_by_role("button", name="I sent it").click()
    expect(page.locator(".flash")).to_contain_text("Thank-you recorded as sent")
    expect(page.locator(".lead .chip")).to_have_text("Thanked")
    shot(page, "05b-thanked")

    page.get_by_role("link", name="People", exact=True).click()
    page.get_by_label("Search", exact=True).press_sequentially("elen", delay=30)
    expect(page.locator("ul.people a.name")).to_have_text(["Elena Sokolova"])
    expect(page).to_have_url(re.compile(r"q=elen"))
    shot(page, "06-people-search")


def test_removing_a_person_asks_for_confirmation(server: str, page: Page) -> None:
    page.goto(f"{server}/people/new")
    page.get_by_label("Name").fill("Ada Lovelace")
    page.get_by_role("button", name="Add person").click()
    questions: list[str] = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Remove").click()
    expect(page.locator("h1")).to_have_text("Ada Lovelace")
    assert questions == ["Remove Ada Lovelace? Their interviews are kept."]
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Remove").click()
    expect(page.locator(".flash")).to_have_text("Removed Ada Lovelace. Their interviews are kept.")


def test_the_sample_network_can_be_explored(server: str, page: Page) -> None:
    page.goto(server)
    page.get_by_role("button", name="Explore a sample network").click()
    expect(page.locator(".flash")).to_contain_text("Loaded a sample network")
    expect(page.locator(".board .board-card").first).to_be_visible()
    shot(page, "07-today-sample")
    for path, name in (("/people", "08-people"), ("/people/1", "09-person"),
                       ("/orgs/1", "10-org"), ("/interviews/1", "11-interview")):  # fmt: skip
        page.goto(server + path)
        expect(page.locator("h1")).to_be_visible()
        shot(page, name)


def test_contacts_are_imported_from_an_uploaded_file(
    server: str, page: Page, tmp_path: Path
) -> None:
    card = tmp_path / "contacts.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nORG:Navy\r\n"
        "EMAIL:grace@navy.example\r\nEND:VCARD\r\n"
    )
    page.goto(f"{server}/import")
    page.get_by_label("vCard (.vcf)").check()
    page.get_by_label("File").set_input_files(str(card))
    page.get_by_role("button", name="Import").click()
    expect(page.locator("section.report")).to_contain_text("Added 1 person")
    shot(page, "12-import")
    page.get_by_role("link", name="See your people").click()
    expect(page.locator("ul.people a.name")).to_have_text(["Grace Hopper"])
