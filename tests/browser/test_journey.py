"""A new user's whole journey, from an empty database, in a real browser."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import shot


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
    shot(page, "04-interview")

    page.get_by_role("link", name="Today").click()
    requested = page.locator(".column[data-stage=requested] .board-card")
    expect(requested).to_have_count(1)
    requested.drag_to(page.locator(".column[data-stage=scheduled]"))
    expect(page.locator(".flash")).to_contain_text("moved to scheduled")
    expect(page.locator(".column[data-stage=scheduled] .board-card")).to_have_count(1)
    shot(page, "05-today")

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
