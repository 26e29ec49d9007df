"""The page in a real browser (Debian Chromium via Playwright): chat on a phone, lookup staff can trust, locate in
the document, accessibility (axe-core) and language, and the screenshots shown in the README.

axe-core comes from npm into a cache directory (``POLICY_AXE_DIR``, default ``~/.cache/policy-assistant/axe``);
the accessibility tests skip with the reason when it cannot be had.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from support_browser import DESKTOP, PHONE, chromium, open_tab
from support_browser import ask as _ask
from support_browser import open_page as _open

pytestmark = pytest.mark.browser

REPO_ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"
AMOUNT_QUESTION = "我在石家庄交了15个月失业保险，考了中级工证，能领多少补贴？"
LONG_QUESTION = "北京市企业职工教育经费按工资总额的多少提取？"
TABS = ("咨询", "条款检索", "补贴计算", "政策文件")
AXE_VERSION = "4"
# Visible English a worker could meet: words of 3+ Latin letters (文号 and numbers are fine).
VISIBLE_ENGLISH_JS = """() => {
  const found = new Set();
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const p = n.parentElement; const t = n.nodeValue.trim();
    if (!t || !p || ['SCRIPT', 'STYLE'].includes(p.tagName) || p.closest('svg')) continue;
    if (p.offsetParent === null && getComputedStyle(p).position !== 'fixed') continue;
    if (/[A-Za-z]{3,}/.test(t)) found.add(t.slice(0, 60));
  }
  document.querySelectorAll('[aria-label],[title],[placeholder]').forEach((e) => {
    for (const a of ['aria-label', 'title', 'placeholder']) {
      const v = e.getAttribute(a); if (v && /[A-Za-z]{3,}/.test(v)) found.add(a + '=' + v.slice(0, 60));
    }
  });
  return [...found];
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as instance:
        yield instance


def _wait_answer(page, count: int) -> None:
    """Wait until ``count`` answers are complete (no progress text left in the chat)."""
    page.wait_for_function(
        "(n) => document.querySelectorAll('#chat [data-testid=user]').length >= n"
        " && !document.querySelector('#chat').innerText.includes('正在查找相关条款')"
        " && document.querySelectorAll('#chat [data-testid=bot]').length >= n",
        arg=count,
    )
    page.wait_for_timeout(400)


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


# ---------------------------------------------------------------- chat on a phone


def test_each_new_answer_scrolls_to_its_top_on_a_phone(browser, running_app: str) -> None:
    page = _open(browser, running_app, PHONE)
    try:
        _ask(page, LONG_QUESTION)
        _wait_answer(page, 1)
        _ask(page, AMOUNT_QUESTION)
        _wait_answer(page, 2)
        page.wait_for_timeout(500)
        position = page.evaluate(
            """() => { const users = document.querySelectorAll('#chat [data-testid=user]');
              const last = users[users.length - 1].getBoundingClientRect();
              const box = document.querySelector('#chat').getBoundingClientRect();
              return {offset: last.top - box.top, height: box.height}; }"""
        )
        # the question just asked sits at the top of the chat box, its answer right below it (not scrolled away)
        assert 0 <= position["offset"] < 0.25 * position["height"], position
        amount = page.locator("#chat").get_by_text("1500元", exact=False).first
        box = page.locator("#chat").bounding_box()
        found = amount.bounding_box()
        assert found and box and box["y"] <= found["y"] <= box["y"] + box["height"], "the amount is off-screen"
        _shot(page, "chat-phone")
    finally:
        page.close()


def test_per_answer_feedback_is_one_row_per_answer_and_clears_the_comment(browser, running_app, ui_services) -> None:
    page = _open(browser, running_app, DESKTOP)
    try:
        before = ui_services.feedback.count()
        _ask(page, LONG_QUESTION)
        _wait_answer(page, 1)
        _ask(page, "石家庄技能提升补贴是多少？")
        _wait_answer(page, 2)
        first_like = page.locator("#chat button[aria-label='有用']").first
        first_dislike = page.locator("#chat button[aria-label='没用']").first
        first_like.click()
        page.locator("#feedback-status").get_by_text("第1个问题", exact=False).wait_for()
        first_dislike.click()  # changed their mind: the same row is updated, not a second one added
        page.wait_for_timeout(800)
        page.get_by_text("对回答的意见", exact=False).first.click()
        page.locator("#feedback-comment textarea").fill("希望说明2.5%的适用条件")
        page.locator("#feedback-send").click()
        page.locator("#feedback-status").get_by_text("意见已保存", exact=False).wait_for()
        assert page.locator("#feedback-comment textarea").input_value() == ""
        assert ui_services.feedback.count() == before + 1
        stored = ui_services.feedback.recent(1)[0]
        assert (stored.vote, stored.comment, stored.question) == ("down", "希望说明2.5%的适用条件", LONG_QUESTION)
        page.locator("#chat button[aria-label='有用']").nth(1).click()  # the second answer gets its own row
        page.locator("#feedback-status").get_by_text("第2个问题", exact=False).wait_for()
        assert ui_services.feedback.count() == before + 2
    finally:
        page.close()


def test_conversation_survives_a_reload_and_copies_as_text(browser, running_app: str) -> None:
    page = _open(browser, running_app, DESKTOP)
    try:
        _ask(page, "石家庄技能提升补贴是多少？")
        _wait_answer(page, 1)
        page.wait_for_timeout(800)  # the browser copy is written after the answer
        page.reload()
        page.locator("#chat").get_by_text("石家庄技能提升补贴是多少？").first.wait_for()
        _ask(page, "那高级证书呢？")  # the follow-up still has its context after the reload
        _wait_answer(page, 2)
        assert "2000" in page.locator("#chat").inner_text()
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=running_app.rstrip("/"))
        page.locator("#chat-copy-all").click()
        page.locator("#chat-copy-all").get_by_text("已复制").wait_for()
        text = page.evaluate("navigator.clipboard.readText()")
        assert text.startswith("问：石家庄技能提升补贴是多少？") and "\n问：那高级证书呢？" in text and "\\" not in text
        page.emulate_media(media="print")  # 打印对话: only the conversation is printed
        assert page.locator(".pa-header").is_hidden() and page.locator("#chat").is_visible()
        page.emulate_media(media="screen")
        page.locator("#chat-new").click()
        page.wait_for_function("!document.querySelector('#chat').innerText.includes('石家庄技能提升补贴是多少')")
    finally:
        page.close()


def test_no_match_answer_is_short_on_a_phone(browser, running_app: str) -> None:
    page = _open(browser, running_app, PHONE)
    try:
        _ask(page, "上海培训补贴怎么申请")
        _wait_answer(page, 1)
        answer = page.locator("#chat [data-testid=bot]").first
        assert "本库收录的地区" in answer.inner_text()
        assert answer.bounding_box()["height"] < 400  # was 842 px listing every title
    finally:
        page.close()


# ---------------------------------------------------------------- lookup staff can trust


def _lookup(page, text: str) -> None:
    open_tab(page, "条款检索")
    page.locator("#lookup-query input, #lookup-query textarea").first.fill(text)


def test_lookup_says_not_found_shows_chips_notice_and_locates_the_clause(browser, running_app: str) -> None:
    page = _open(browser, running_app, DESKTOP)
    try:
        _lookup(page, "量子纠缠")
        results = page.locator("#lookup-results")
        results.get_by_text("未找到相关条款").wait_for()
        assert "可能相关" in results.inner_text()
        _lookup(page, "上海 百城技能振兴专项活动 名单")
        results.get_by_text("本库没有上海市的文件，以下为全国性规定。").wait_for()
        _lookup(page, "北京 首席技师工作室 资助")
        chip = page.locator("#chip-region", has_text="地区：北京市")
        chip.wait_for()
        results.get_by_text("相关度", exact=False).first.wait_for()
        assert "0.0" not in results.inner_text()  # relevance in words, not raw scores
        _shot(page, "lookup-desktop")
        chip.click()
        chip.wait_for(state="hidden")
        results.locator("button.pa-locate").first.click()
        target = page.locator("#docs-viewer .pa-target")
        target.wait_for()
        assert page.get_by_role("tab", name="政策文件").get_attribute("aria-selected") == "true"
        assert "首席技师" in target.inner_text()
        page.wait_for_timeout(500)
        assert target.is_visible() and _in_viewport(page, target)
        _shot(page, "documents-located-desktop")
    finally:
        page.close()


def _in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return bool(box) and box["y"] < height and box["y"] + box["height"] > 0


def test_lookup_at_phone_width(browser, running_app: str) -> None:
    page = _open(browser, running_app, PHONE)
    try:
        _lookup(page, "重庆 百城技能振兴 城市名单")
        page.locator("#lookup-results").get_by_text("城市名单", exact=False).first.wait_for()
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1
        _shot(page, "lookup-phone")
    finally:
        page.close()


# ---------------------------------------------------------------- accessibility and language


@pytest.fixture(scope="module")
def axe_source() -> str:
    cache = Path(os.environ.get("POLICY_AXE_DIR", Path.home() / ".cache" / "policy-assistant" / "axe"))
    script = cache / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("需要 npm 安装 axe-core / npm not found to install axe-core")
        try:
            subprocess.run(
                [npm, "install", "--prefix", str(cache), f"axe-core@{AXE_VERSION}", "--no-audit", "--no-fund"],
                check=True, capture_output=True, timeout=180,
            )
        except (subprocess.SubprocessError, OSError) as exc:
            pytest.skip(f"无法安装 axe-core（{type(exc).__name__}）/ could not install axe-core from npm")
    if not script.is_file():
        pytest.skip("axe-core 安装后仍找不到 axe.min.js / axe.min.js missing after npm install")
    return script.read_text(encoding="utf-8")


def _serious_violations(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.html.slice(0, 160))}))"""
    )


def _visit_every_tab(page):
    """Yield (tab name) after putting real content on each tab."""
    _ask(page, AMOUNT_QUESTION)
    _wait_answer(page, 1)
    yield "咨询"
    _lookup(page, "北京 职工教育经费")
    page.locator("#lookup-results").get_by_text("相关条款").first.wait_for()
    page.locator("#chip-region", has_text="北京").wait_for()
    page.wait_for_timeout(800)  # let Gradio's "updating" dimming of the outputs fade first
    yield "条款检索"
    open_tab(page, "补贴计算")
    page.wait_for_timeout(600)
    yield "补贴计算"
    open_tab(page, "政策文件")
    page.locator("#docs-table").get_by_text("京政发〔2011〕33号").wait_for()
    yield "政策文件"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_no_serious_violations_on_any_tab(browser, running_app: str, axe_source: str, theme: str) -> None:
    url = running_app + ("?__theme=dark" if theme == "dark" else "")
    page = _open(browser, url, DESKTOP)
    try:
        found = {tab: _serious_violations(page, axe_source) for tab in _visit_every_tab(page)}
        assert found == {tab: [] for tab in TABS}, json.dumps(found, ensure_ascii=False, indent=1)
        if theme == "dark":
            _shot(page, "documents-dark-desktop")
    finally:
        page.close()


def test_no_english_for_a_worker_even_in_an_english_browser(browser, running_app: str) -> None:
    page = browser.new_page(viewport=DESKTOP, locale="en-US")
    page.set_default_timeout(60_000)
    try:
        page.goto(running_app)
        page.locator("#chat-question textarea").wait_for()
        _ask(page, "石家庄技能提升补贴是多少？")
        page.wait_for_timeout(200)  # the progress text while the answer is computed
        seen = set(page.evaluate(VISIBLE_ENGLISH_JS))
        for _ in _visit_every_tab(page):
            seen |= set(page.evaluate(VISIBLE_ENGLISH_JS))
        assert seen == set(), sorted(seen)
    finally:
        page.close()


def test_focus_ring_is_visible_and_page_width_is_stable(browser, running_app: str) -> None:
    page = _open(browser, running_app, DESKTOP)
    try:
        page.locator("#chat-question textarea").focus()
        page.keyboard.press("Tab")
        outline = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }"
        )
        assert outline[0] != "none" and float(outline[1].rstrip("px")) >= 2, outline
        widths = set()
        for tab in TABS:
            open_tab(page, tab)
            page.wait_for_timeout(300)
            widths.add(round(page.locator(".gradio-container").first.bounding_box()["width"]))
        assert len(widths) == 1, widths
        names = page.evaluate(
            "() => [...document.querySelectorAll('button, textarea, input, select')]"
            ".filter((e) => e.offsetParent !== null && !e.disabled)"
            ".filter((e) => !(e.getAttribute('aria-label') || e.innerText || e.labels?.[0]?.innerText || '').trim())"
            ".map((e) => e.outerHTML.slice(0, 120))"
        )
        assert names == [], names  # every control has a (Chinese) accessible name
    finally:
        page.close()


@pytest.mark.parametrize(("viewport", "name"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_screenshots_for_the_readme(browser, running_app: str, viewport: dict[str, int], name: str) -> None:
    page = _open(browser, running_app, viewport)
    try:
        _ask(page, AMOUNT_QUESTION)
        _wait_answer(page, 1)
        _shot(page, f"chat-{name}")
        open_tab(page, "政策文件")
        page.locator("#docs-table").get_by_text("京政发〔2011〕33号").wait_for()
        _shot(page, f"documents-{name}")
        open_tab(page, "补贴计算")
        page.wait_for_timeout(500)
        _shot(page, f"calculators-{name}")
    finally:
        page.close()
