"""A real browser (Debian Chromium via Playwright) on the real page: ask, see the answer and a citation card.

Screenshots go to ``artifacts/`` (git-ignored) at desktop and phone width so a person can look at them.
"""


from __future__ import annotations

from collections.abc import Iterator

import pytest
from support_browser import ARTIFACTS, DESKTOP, PHONE, ask, chromium, open_page, open_tab

pytestmark = pytest.mark.browser

QUESTION = "我在石家庄交了15个月失业保险，考了中级工证，能领多少补贴？"
_open = open_page
_ask = ask


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as instance:
        yield instance


@pytest.mark.parametrize(("viewport", "name"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_ask_shows_answer_and_citation_card(browser, running_app: str, viewport: dict[str, int], name: str) -> None:
    page = _open(browser, running_app, viewport)
    try:
        _ask(page, QUESTION)
        chat = page.locator("#chat")
        chat.get_by_text("1500元", exact=False).first.wait_for()
        card = chat.get_by_text("三、（一）3", exact=False).last
        card.wait_for()
        assert "石家庄市人民政府办公室关于推行终身职业技能培训制度加快技能强市建设的实施意见" in chat.inner_text()
        card.click()  # expand the card: the standard citation (效力, date) and the verbatim clause appear
        chat.get_by_text("（现行有效，2019-10-15）", exact=False).last.wait_for()
        page.wait_for_timeout(500)  # let the expand animation finish before the screenshot
        assert "计算过程" in chat.inner_text()
        # nothing in the page scrolls sideways at this width
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"page is {overflow}px wider than the {name} viewport"
        assert page.external_requests == []
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"browser_chat_{name}.png"), full_page=True)
    finally:
        page.close()


def test_hostile_question_is_shown_as_text(browser, running_app: str) -> None:
    page = _open(browser, running_app, DESKTOP)
    try:
        page.evaluate("window.__pwned = false")
        _ask(page, '<img src=x onerror="window.__pwned=true"> 石家庄技能提升补贴')
        page.locator("#chat").get_by_text("<img src=x", exact=False).first.wait_for()
        assert page.locator("#chat img[src='x']").count() == 0
        assert page.evaluate("window.__pwned") is False
    finally:
        page.close()


def test_lookup_highlights_terms_at_phone_width(browser, running_app: str) -> None:
    page = _open(browser, running_app, PHONE)
    try:
        open_tab(page, "条款检索")
        page.locator("#lookup-query input, #lookup-query textarea").first.fill("技能提升补贴")
        page.locator("#lookup-results mark").first.wait_for()
        assert "毫秒" in page.locator("#lookup-results").inner_text()
        copy = page.locator("#lookup-results button.pa-copy").first
        label = copy.get_attribute("data-cite")
        assert label and label.startswith("《") and "》" in label
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=running_app.rstrip("/"))
        copy.click()
        page.locator("#lookup-results").get_by_text("已复制").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == label
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "browser_lookup_phone.png"), full_page=True)
    finally:
        page.close()


def test_feedback_example_questions_and_new_conversation(browser, running_app: str, ui_services) -> None:
    page = _open(browser, running_app, DESKTOP)
    try:
        before = ui_services.feedback.count()
        page.locator("#chat-examples").get_by_text("北京市企业职工教育经费按工资总额的多少提取？").click()
        chat = page.locator("#chat")
        chat.get_by_text("1.5%", exact=False).first.wait_for()
        page.locator("#chat button[aria-label='没用']").first.click()
        page.locator("#feedback-status").get_by_text("已记录", exact=False).wait_for()
        page.get_by_text("对回答的意见", exact=False).first.click()
        page.locator("#feedback-comment textarea").fill("希望说明2.5%的适用条件")
        page.locator("#feedback-send").click()
        page.locator("#feedback-status").get_by_text("已保存", exact=False).wait_for()
        assert ui_services.feedback.count() == before + 1
        stored = ui_services.feedback.recent(1)[0]
        assert stored.vote == "down" and stored.comment == "希望说明2.5%的适用条件"
        assert stored.question == "北京市企业职工教育经费按工资总额的多少提取？" and stored.citations
        # a follow-up in the same conversation: the page sends the rendered history back and keeps context
        bot_messages = page.locator("#chat [data-testid=bot]")
        answers_before = bot_messages.count()
        _ask(page, "那经济效益好的企业呢？")
        page.locator("#chat [data-testid=user]").nth(1).wait_for()
        page.wait_for_function(
            f"document.querySelectorAll('#chat [data-testid=bot]').length > {answers_before}"
            " && !document.querySelector('#chat').innerText.includes('正在查找相关条款')"
        )
        assert "2.5%" in bot_messages.nth(answers_before).inner_text()
        page.locator("#chat-new").click()
        page.wait_for_function("!document.querySelector('#chat').innerText.includes('1.5%')")
    finally:
        page.close()


def test_queue_full_toast_is_shown_in_chinese(browser) -> None:
    """Gradio's page hard-codes an English 'busy' toast; the page script must turn it into Chinese."""
    from ui.app import BUSY_MESSAGE_ZH, BUSY_SCRIPT

    page = browser.new_page()
    page.set_content(f"<html><head>{BUSY_SCRIPT}</head><body><main id='root'></main></body></html>")
    page.evaluate(
        "() => { const toast = document.createElement('div'); toast.className = 'toast';"
        " toast.textContent = 'This application is currently busy. Please try again. ';"
        " document.getElementById('root').appendChild(toast); }"
    )
    page.wait_for_function("() => document.querySelector('.toast').textContent.includes('请稍后再试')")
    assert page.text_content(".toast") == BUSY_MESSAGE_ZH
    page.close()
