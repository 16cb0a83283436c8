"""Scoring a target list from the keyboard alone, in a real browser."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import shot


def test_scoring_targets_takes_only_digits_and_enter(server: str, page: Page) -> None:
    page.goto(f"{server}/targets")
    page.get_by_label("Add organizations, one a line").fill("Acme\nBeta Bank\nCobalt Labs")
    page.get_by_label("Add organizations I don't have yet").check()
    page.get_by_role("button", name="Add to targets").click()
    expect(page.locator(".flash")).to_have_text("Added Acme, Beta Bank, Cobalt Labs.")

    # Focus the first box, then only type: each digit moves to the next box.
    page.get_by_label("Motivation for Acme").focus()
    page.keyboard.type("123321")
    expect(page.get_by_label("Postings for Cobalt Labs")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".flash")).to_have_text("Saved the scores of 3 targets.")
    names = page.locator("table.targets tbody th")
    expect(names).to_have_text(["Beta Bank", "Cobalt Labs", "Acme"])
    expect(page.get_by_label("Postings for Beta Bank")).to_have_value("3")
    shot(page, "targets-scored")

    page.get_by_label("Motivation for Acme").fill("7")
    page.keyboard.press("Enter")
    expect(page.locator("#e-motivation-1")).to_have_text("Must be 0, 1, 2 or 3 (got 7).")
    expect(page.get_by_label("Motivation for Acme")).to_have_value("7")
    shot(page, "targets-error")


def test_the_progress_page_draws_its_chart(server: str, page: Page) -> None:
    page.goto(f"{server}/people/new")
    page.get_by_label("Name").fill("Priya Natarajan")
    page.get_by_role("button", name="Add person").click()
    page.goto(f"{server}/stats")
    expect(page.locator("h1")).to_have_text("Progress")
    expect(page.locator("figure.chart svg rect")).to_have_count(12)
    box = page.locator("figure.chart svg rect").last.bounding_box()
    assert box is not None and box["height"] > 50
    shot(page, "stats")
