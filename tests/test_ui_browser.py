"""The app in real headless Chromium: chat, cards, PDF download, screenshot, no script injection."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

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
    yield pg
    ctx.close()


def ask(page, text: str) -> None:
    box = page.locator("#fl-input textarea")
    box.fill(text)
    page.locator("#fl-send").click()


def test_chat_shows_cards_and_the_pdf_downloads(page, tmp_path):
    ask(page, "Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln")
    page.locator('#fl-cards .fl-card[data-id="berlin-innovation-grant"]').wait_for()
    page.locator("#fl-projects .fl-card").first.wait_for()
    page.locator("#fl-chat").get_by_text("Datenstand: 01.11.2026").wait_for()  # the streamed answer is complete
    page.locator("#fl-chart svg").wait_for()
    assert page.locator("#fl-p-emp input").input_value() == "40"
    pdf_button = page.locator("#fl-pdf")
    pdf_button.wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    page.wait_for_timeout(500)
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
    page.locator('#fl-cards .fl-card[data-id="berlin-innovation-grant"]').wait_for()
    page.locator("#fl-chat").get_by_text("Datenstand").first.wait_for()
    ask(page, "Wir haben übrigens 300 Mitarbeitende")
    page.locator("#fl-chat").get_by_text("300 Mitarbeitende").last.wait_for()
    page.wait_for_function("document.querySelector('#fl-p-emp input').value === '300'")
    assert page.locator('#fl-cards > .fl-cards > .fl-card[data-id="berlin-innovation-grant"]').count() == 0
    page.locator("#fl-new").click()
    page.wait_for_function("document.querySelectorAll('#fl-cards .fl-card').length === 0")


def test_english_message_switches_the_labels(page):
    ask(page, "We are a Berlin robotics startup with 8 people, founded 2023, looking for a grant for our prototype")
    page.locator("#fl-cards").get_by_text("likely eligible").first.wait_for()
    page.get_by_text("Funding programmes", exact=True).wait_for()


def test_markup_in_the_company_text_does_not_run(page):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    ask(page, 'Wir sind <img src=x onerror=alert(1)> <script>alert(2)</script> ein Recyclingbetrieb, 40 MA, Berlin '
              '"><svg onload=alert(3)>')
    page.locator("#fl-cards .fl-card").first.wait_for()
    page.locator("#fl-chat").get_by_text("Datenstand").first.wait_for()
    page.wait_for_timeout(1000)
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('#fl-chat img[src=\"x\"], #fl-cards img, svg[onload]').length") == 0
    # the user's text is shown literally, not as markup
    page.locator("#fl-chat").get_by_text("<img src=x onerror=alert(1)>", exact=False).first.wait_for()


def test_language_switch_and_clickable_follow_up_questions(page):
    page.get_by_label("English").check()
    page.get_by_text("Funding programmes", exact=True).wait_for()
    ask(page, "Wir wollen eine Recycling-Sortieranlage entwickeln")
    button = page.locator(".fl-sugg").first
    button.wait_for()
    question = button.inner_text()
    assert question.endswith("?")
    button.click()
    page.wait_for_function("document.querySelector('#fl-input textarea').value.length > 0")
