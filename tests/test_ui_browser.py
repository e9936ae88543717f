"""The app in real headless Chromium: chat, cards, PDF download, screenshot, no script injection.

No test waits on timing: the app sets ``#fl-status .fl-status[data-state=done][data-seq=N]`` when the answer,
cards, picture, profile and labels of its N-th result are on the page, and ``ask`` waits for exactly that
(the export buttons, whose files the browser fetches first, are waited for as elements). ``FL_UI_URL`` points the tests at a running app or cluster (fixture corpus, see ui_server).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

try:
    from playwright.sync_api import expect

    expect.set_options(timeout=90_000)  # auto-retrying checks of page content (no fixed sleeps)
except ImportError:  # the tests skip without playwright/chromium
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian chromium missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, ui_server):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = ctx.new_page()
    pg.set_default_timeout(90_000)  # generous: CI machines have 2 shared cores
    pg.goto(ui_server, wait_until="domcontentloaded")  # never "networkidle": the queue keeps a connection open
    pg.locator("#fl-input textarea").wait_for()
    wait_done(pg, 0)
    yield pg
    ctx.close()


STATUS = "#fl-status .fl-status"


def seq(page) -> int:
    """How many results this page has completed (the app's ``data-seq``)."""
    return int(page.locator(STATUS).get_attribute("data-seq"))


def wait_done(page, n: int) -> None:
    """Until the page says: result ``n`` is completely shown (answer, cards, export files, labels)."""
    page.locator(f'{STATUS}[data-state="done"][data-seq="{n}"]').wait_for(state="attached")


def ask(page, text: str) -> None:
    """Send ``text`` and return once its answer is completely on the page."""
    n = seq(page)
    box = page.locator("#fl-input textarea")
    box.fill(text)
    page.locator("#fl-send").click()
    wait_done(page, n + 1)


def test_chat_shows_cards_and_the_pdf_downloads(page, tmp_path):
    ask(page, "Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln")
    card = page.locator('#fl-cards .fl-card[data-id="berlin-innovation-grant"]')
    expect(card).to_have_count(1)
    expect(page.locator("#fl-projects .fl-card").first).to_be_attached()
    expect(page.locator("#fl-chat").get_by_text("Datenstand: 01.11.2026")).to_have_count(1)  # the whole answer is there
    expect(page.locator("#fl-chart svg")).to_have_count(1)
    expect(page.locator("#fl-p-emp input")).to_have_value("40")
    # issue 10: when the facts were checked, which rest on a secondary source only, and each source's kind
    expect(card).to_contain_text("geprüft am 30.10.2026")
    expect(card).to_contain_text("nur Sekundärquelle")
    expect(card.locator(".fl-src-kind.official")).to_have_count(1)
    expect(card.locator(".fl-src-kind.secondary")).to_have_count(1)
    pdf_button = page.locator("#fl-pdf")
    pdf_button.wait_for()  # the browser shows a file button a moment after its update (explicit element, no sleep)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "ui-screenshot.png"), full_page=True)
    with page.expect_download() as dl:
        pdf_button.click()
    target = tmp_path / "export.pdf"
    dl.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm"):
        import subprocess

        subprocess.run(["pdftoppm", "-png", "-r", "60", str(target), str(ARTIFACTS / "ui-export")], check=True)


def test_second_message_refines_and_new_consultation_resets(page):
    ask(page, "Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln")
    expect(page.locator('#fl-cards .fl-card[data-id="berlin-innovation-grant"]')).to_have_count(1)
    ask(page, "Wir haben übrigens 300 Mitarbeitende")
    expect(page.locator("#fl-chat").get_by_text("300 Mitarbeitende").first).to_be_attached()
    expect(page.locator("#fl-p-emp input")).to_have_value("300")
    expect(page.locator('#fl-cards > .fl-cards > .fl-card[data-id="berlin-innovation-grant"]')).to_have_count(0)
    n = seq(page)
    page.locator("#fl-new").click()
    wait_done(page, n + 1)
    expect(page.locator("#fl-cards .fl-card")).to_have_count(0)


def test_english_message_switches_the_labels(page):
    ask(page, "We are a Berlin robotics startup with 8 people, founded 2023, looking for a grant for our prototype")
    expect(page.locator("#fl-cards").get_by_text("likely eligible").first).to_be_attached()
    expect(page.get_by_text("Funding programmes", exact=True)).to_have_count(1)
    expect(page.locator(STATUS)).to_have_attribute("data-lang", "en")


def test_markup_in_the_company_text_does_not_run(page):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    ask(page, 'Wir sind <img src=x onerror=alert(1)> <script>alert(2)</script> ein Recyclingbetrieb, 40 MA, Berlin '
              '"><svg onload=alert(3)>')
    expect(page.locator("#fl-cards .fl-card").first).to_be_attached()
    expect(page.locator("#fl-chat").get_by_text("Datenstand").first).to_be_attached()
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('#fl-chat img[src=\"x\"], #fl-cards img, svg[onload]').length") == 0
    # the user's text is shown literally, not as markup
    expect(page.locator("#fl-chat").get_by_text("<img src=x onerror=alert(1)>", exact=False).first).to_be_attached()


def test_language_switch_and_clickable_follow_up_questions(page):
    page.get_by_label("English").check()
    page.get_by_text("Funding programmes", exact=True).wait_for()  # the switch's own update (no result yet)
    ask(page, "Wir wollen eine Recycling-Sortieranlage entwickeln")
    button = page.locator(".fl-sugg").first
    expect(button).to_be_visible()
    question = button.inner_text()
    assert question.endswith("?")
    button.click()
    page.wait_for_function("document.querySelector('#fl-input textarea').value.length > 0")


def test_plan_tab_shows_order_exclusion_de_minimis_and_the_timeline(page):
    """Issue 11: the Förderfahrplan tab (rendered with the turn's final update) and a screenshot of its timeline."""
    ask(page, "Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln")
    page.locator("#fl-tabs").get_by_role("tab", name="Förderfahrplan").click()
    plan = page.locator("#fl-plan")
    timeline = plan.locator("svg.fl-timeline")
    expect(timeline).to_be_visible()
    expect(plan.locator('ol li[data-id="berlin-innovation-grant"]')).to_contain_text("Vor Projektbeginn beantragen")
    expect(plan.locator(".fl-exclusions")).to_contain_text("Bundes-Investitionskredit")
    expect(plan.locator(".fl-exclusions a[href='https://example.org/innovation-richtlinie']")).to_have_count(1)
    expect(plan).to_contain_text("150.000 EUR")  # the de-minimis sum against the ceiling
    expect(timeline.locator(".fl-tl-event.cutoff")).to_have_count(2)  # the accelerator's two cut-off dates
    ARTIFACTS.mkdir(exist_ok=True)
    timeline.screenshot(path=str(ARTIFACTS / "plan-timeline.png"))
    page.screenshot(path=str(ARTIFACTS / "plan-tab.png"), full_page=True)
    # a question about the second card answers about it, with its card, and keeps the plan
    ask(page, "Wie beantrage ich den zweiten?")
    page.locator("#fl-tabs").get_by_role("tab", name="Ergebnis").click()
    expect(page.locator('#fl-cards .fl-asked .fl-card[data-id="eu-accelerator"]')).to_have_count(1)
    expect(page.locator("#fl-cards .fl-card")).to_have_count(1)
    page.locator("#fl-tabs").get_by_role("tab", name="Förderfahrplan").click()
    expect(page.locator("#fl-plan svg.fl-timeline")).to_be_visible()
