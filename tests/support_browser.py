"""Browser-test helpers shared by the ``test_browser_*`` modules: Debian Chromium via Playwright, the page opened
with a request log (offline first: nothing beyond the app may be fetched), and asking a question."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A headless Debian Chromium, or a skip saying what is missing."""
    if not CHROMIUM.is_file() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip("需要 Debian chromium（/usr/bin/chromium）：apt-get install chromium / Chromium not installed")
    sync_api = pytest.importorskip("playwright.sync_api", reason="需要 playwright Python 包 / playwright not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser, url: str, viewport: dict[str, int], login: tuple[str, str] | None = None):
    page = browser.new_page(viewport=viewport, locale="zh-CN")  # the audience's browsers; Gradio's own text follows
    page.set_default_timeout(60_000)
    page.external_requests = []  # offline first: the page must fetch nothing beyond the app itself
    local = (url.split("?")[0].rstrip("/"), "data:", "blob:")

    def note_external(request) -> None:
        if not request.url.startswith(local):
            page.external_requests.append(request.url)

    page.on("request", note_external)
    page.goto(url)
    if login:
        page.locator("input[type=text]").first.fill(login[0])
        page.locator("input[type=password]").fill(login[1])
        page.get_by_role("button", name="登录").click()
    page.locator("#chat-question textarea").wait_for()
    return page


def ask(page, question: str) -> None:
    page.locator("#chat-question textarea").fill(question)
    page.locator("#chat-send").click()


def open_tab(page, name: str) -> None:
    """Open a tab by its name — through the overflow menu (更多标签页) when the tab row has no room for it, as on a
    narrow phone (Gradio moves the tabs that do not fit into that menu)."""
    tab = page.get_by_role("tab", name=name)
    more = page.get_by_role("button", name="更多标签页")
    tab.or_(more).first.wait_for()
    if tab.count() and tab.first.is_visible():
        tab.first.click()
        return
    more.click()
    page.locator(".overflow-dropdown").get_by_role("button", name=name).click()
