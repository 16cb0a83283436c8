"""Keyboard-only use, phone-width layout, and planted markup that must never run."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import shot

PAYLOAD = '<script>window.__planted=1</script><img src=x onerror="window.__planted=2">'


def _focus_is_visible(page: Page) -> bool:
    return bool(
        page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"
        )
    )


def _tab_to(page: Page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            assert _focus_is_visible(page), f"focus on {selector} is not visible"
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_everything_on_the_journey_works_from_the_keyboard(server: str, page: Page) -> None:
    page.goto(server)
    _tab_to(page, "a.skip")
    _tab_to(page, "a[href='/people/new']")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Add a person")
    _tab_to(page, "#f-name")
    page.keyboard.type("Grace Hopper")
    _tab_to(page, "#f-org")
    page.keyboard.type("Navy")
    _tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(".flash")).to_have_text("Added Grace Hopper.")
    _tab_to(page, "#goal")
    page.keyboard.type("Compilers")
    _tab_to(page, "form[action$='/interviews'] button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(".flash")).to_contain_text("Interview planned")
    page.goto(server)
    _tab_to(page, ".board-card select")
    page.keyboard.press("ArrowDown")
    _tab_to(page, ".board-card button")
    page.keyboard.press("Enter")
    expect(page.locator(".flash")).to_contain_text("moved to")
    shot(page, "keyboard-today")


def test_pages_fit_a_360_pixel_phone(server: str, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    phone = context.new_page()
    phone.goto(server)
    phone.get_by_role("button", name="Explore a sample network").click()
    expect(phone.locator(".flash")).to_be_visible()
    for path in ("/", "/people", "/people/new", "/people/1", "/orgs/1", "/interviews",
                 "/interviews/1", "/interviews/2", "/network", "/careers", "/import", "/me",
                 "/people/99999"):  # fmt: skip
        phone.goto(server + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is {width}px wide"
        shot(phone, "phone" + path.replace("/", "-").rstrip("-"))
    context.close()


def test_planted_markup_in_every_text_field_never_runs(server: str, page: Page) -> None:
    alerts: list[str] = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    page.goto(f"{server}/people/new")
    page.get_by_label("Name").fill(f"Name {PAYLOAD}")
    for label in ("Job title", "Organization", "Location", "Notes"):
        page.get_by_label(label, exact=True).fill(f"{label} {PAYLOAD}")
    page.get_by_label("Tags", exact=True).fill("<script>window.__planted=3</script>")
    page.get_by_role("button", name="Add person").click()
    expect(page.locator("h1")).to_contain_text("<script>")
    page.get_by_label("What do you hope to learn?").fill(PAYLOAD)
    page.get_by_role("button", name="Plan interview").click()
    expect(page.locator(".goal")).to_contain_text("<img")
    interview = page.url
    page.get_by_label("Add your own question").fill(f"Why {PAYLOAD}?")
    page.get_by_role("button", name="Add question").click()
    page.get_by_label("Date and time (UTC)").fill("2031-03-04T15:00")
    page.get_by_label("Venue").select_option("office")
    page.get_by_label("Place or address").fill(PAYLOAD)
    page.get_by_role("button", name="Schedule").click()
    expect(page.locator("#logistics dl")).to_contain_text("<script>")
    person = page.locator("h1 a").get_attribute("href")
    brief = interview.split("#")[0].removeprefix(server) + "/brief"
    for path in ("/", "/people", f"{person}", f"{person}/edit", "/interviews", "/people?q=name",
                 "/network", brief):  # fmt: skip
        page.goto(server + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__planted") is None, path
    page.goto(interview)
    org = page.locator("a[href^='/orgs/']").first.get_attribute("href")
    page.goto(f"{server}{org}")
    assert page.evaluate("window.__planted") is None
    assert alerts == []
    shot(page, "planted-markup")


def test_a_form_is_sent_once_however_often_it_is_submitted(server: str, page: Page) -> None:
    page.goto(f"{server}/people/new")
    page.get_by_label("Name").fill("Ada Lovelace")
    # Submit events as a double click sends them (synthetic ones do not navigate away).
    blocked = page.evaluate(
        """() => {
            const form = document.querySelector('form.stacked');
            const send = () => {
                const event = new SubmitEvent('submit', {cancelable: true, bubbles: true});
                form.dispatchEvent(event);
                return event.defaultPrevented;
            };
            return [send(), send(), send()];
        }"""
    )
    assert blocked == [False, True, True]
    assert page.get_by_role("button", name="Add person").is_disabled()
