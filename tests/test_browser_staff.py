"""Staff flows in a real browser (Debian Chromium via Playwright) on the real server over a writable index copy.

login → upload → metadata edit → withdraw → feedback viewer → unanswered report CSV → logout; and the public chat
stays reachable without any login while the staff login is configured. Screenshots go to ``artifacts/``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr
from staff_support import STAFF_PASSWORD, STAFF_USER, serving_server
from support_browser import ARTIFACTS, DESKTOP, PHONE, chromium

from ingest.settings import Settings
from ui.services import build_services

pytestmark = pytest.mark.browser

NEW_DOC = "ceshi-2024-training-subsidy"
NEW_TITLE = "测试市人力资源和社会保障局关于职业技能培训补贴的通知"
GAP_QUESTION = "上海的培训补贴是多少？"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def staff_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Public page + staff area over a writable copy of the five policies (the staff tools change it)."""
    from retriever.index import ingest_paths
    from tests.conftest import POLICIES_DIR

    root = tmp_path_factory.mktemp("browser-staff")
    shutil.copytree(POLICIES_DIR, root / "policies")
    settings = Settings(
        data_dir=root / "policies",
        index_dir=root / "index",
        state_dir=root / "state",
        ui_auth=SecretStr(f"{STAFF_USER}:{STAFF_PASSWORD}"),
        _env_file=None,
    )
    assert ingest_paths(settings).published
    with serving_server(build_services(settings)) as served:
        yield served.url


def _page(browser, viewport: dict[str, int] = DESKTOP):
    page = browser.new_page(viewport=viewport, locale="zh-CN", accept_downloads=True)
    page.set_default_timeout(90_000)
    return page


def _login(page, url: str) -> None:
    page.goto(url + "staff/")
    page.wait_for_url("**/staff/login")
    page.get_by_label("用户名").fill(STAFF_USER)
    page.get_by_label("密码").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.locator("#staff-user").get_by_text(STAFF_USER).wait_for()


def _choose(page, dropdown: str, option: str) -> None:
    page.locator(f"{dropdown} input").click()
    page.get_by_role("option", name=option).click()


def _tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"browser_staff_{name}.png"), full_page=True)


def _ask_and_dislike(page, url: str, question: str, comment: str) -> None:
    """As a member of the public: ask, wait for the answer, vote 👎 with a comment."""
    page.goto(url)
    page.locator("#chat-question textarea").fill(question)
    page.locator("#chat-send").click()
    page.locator("#chat [data-testid=bot]").first.wait_for()
    page.wait_for_function("!document.querySelector('#chat').innerText.includes('正在查找相关条款')")
    page.locator("#chat button[aria-label='没用']").first.click()  # the answer's own 👎
    page.locator("#feedback-status").get_by_text("已记录", exact=False).wait_for()
    page.get_by_text("对回答的意见", exact=False).first.click()
    page.locator("#feedback-comment textarea").fill(comment)
    page.locator("#feedback-send").click()
    page.locator("#feedback-status").get_by_text("已保存", exact=False).wait_for()


def test_public_chat_needs_no_login_while_staff_login_is_configured(browser, staff_site: str) -> None:
    page = _page(browser, PHONE)
    try:
        _ask_and_dislike(page, staff_site, GAP_QUESTION, "希望有上海的政策")
        assert "上海" in page.locator("#chat").inner_text()
        assert page.get_by_label("密码").count() == 0  # no login anywhere on the public page
        page.goto(staff_site + "staff/")
        page.wait_for_url("**/staff/login")  # the staff area is not
        assert page.get_by_role("button", name="登录").is_visible()
        _shot(page, "login_phone")
    finally:
        page.close()


def test_staff_flow_upload_metadata_withdraw_feedback_report_logout(browser, staff_site: str, tmp_path: Path) -> None:
    from tests.test_ui_upload import NEW_POLICY

    policy = tmp_path / f"{NEW_DOC}.txt"
    policy.write_text(NEW_POLICY, encoding="utf-8")
    public = _page(browser)
    try:
        _ask_and_dislike(public, staff_site, "深圳有没有技能提升补贴？", "深圳的政策没有")
    finally:
        public.close()
    page = _page(browser)
    try:
        _login(page, staff_site)
        # upload → report of what was added, and the document list refreshes itself
        _tab(page, "上传")
        page.locator("#staff-upload-files input[type=file]").set_input_files(str(policy))
        page.locator("#staff-upload-files").get_by_text(NEW_DOC).first.wait_for()  # uploaded, listed
        page.get_by_role("button", name="导入并重建索引").click()
        report = page.locator("#upload-report")
        report.get_by_text("新增", exact=False).wait_for()
        assert NEW_TITLE in report.inner_text()
        _shot(page, "upload")
        _tab(page, "政策文件")
        table = page.locator("#staff-docs-table")
        table.get_by_text("测人社发〔2024〕1号").wait_for()

        # metadata form → sidecar written, index rebuilt, list shows the new values
        _choose(page, "#staff-doc", f"{NEW_TITLE}（{NEW_DOC}）")
        doc_number = page.locator("#meta-doc-number textarea, #meta-doc-number input").first
        page.wait_for_function(
            "document.querySelector('#meta-doc-number textarea, #meta-doc-number input').value.includes('测人社发')"
        )
        doc_number.fill("测人社发〔2024〕2号")
        page.locator("#meta-publish textarea, #meta-publish input").first.fill("2024年3月1日")
        _choose(page, "#meta-status", "现行有效")
        region = page.locator("#meta-region input")
        region.fill("火星市")
        region.press("Enter")
        save = page.get_by_role("button", name="保存元数据并重建索引")
        save.click()
        result = page.locator("#staff-doc-result")
        result.get_by_text("不在行政区划表中", exact=False).wait_for()  # regions come from the gazetteer
        region.fill("河北省唐山")
        page.get_by_role("option", name="河北省唐山市", exact=True).click()
        save.click()
        result.get_by_text("已保存", exact=False).wait_for()
        table.get_by_text("测人社发〔2024〕2号").wait_for()
        _shot(page, "metadata")

        # withdraw → kept on disk, out of the index
        page.get_by_text("撤回或删除").click()
        page.get_by_role("button", name="撤回这份文件").click()
        page.locator("#staff-doc-result").get_by_text("已撤回", exact=False).first.wait_for()
        table.get_by_text("不在索引中").wait_for()

        # feedback viewer: the 👎 given on the public page is listed with its comment
        _tab(page, "用户反馈")
        page.locator("#feedback-filter").get_by_text("👎 没用").click()
        feedback = page.locator("#staff-feedback")
        feedback.get_by_text("深圳有没有技能提升补贴？").first.wait_for()
        assert "深圳的政策没有" in feedback.inner_text()

        # unanswered report: grouped by region and topic, exported as CSV
        _tab(page, "未解决问题")
        page.get_by_role("button", name="刷新报告").click()
        groups = page.locator("#unanswered-groups")
        groups.get_by_text("深圳").first.wait_for()
        _shot(page, "unanswered")
        with page.expect_download() as download_info:
            page.locator("#unanswered-csv").click()
        csv_text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
        assert csv_text.startswith("时间,地区,主题,原因,问题") and "深圳有没有技能提升补贴？" in csv_text

        # logout → back to the login form, and the staff area is closed again
        page.get_by_role("button", name="退出登录").click()
        page.wait_for_url("**/staff/login?bye=1")
        assert "已退出登录" in page.content()
        page.goto(staff_site + "staff/")
        page.wait_for_url("**/staff/login")
    finally:
        page.close()


def test_wrong_password_shows_a_chinese_message(browser, staff_site: str) -> None:
    page = _page(browser)
    try:
        page.goto(staff_site + "staff/login")
        page.get_by_label("用户名").fill(STAFF_USER)
        page.get_by_label("密码").fill("not-the-password")
        page.get_by_role("button", name="登录").click()
        page.get_by_role("alert").get_by_text("用户名或密码错误").wait_for()
        assert "/staff/login" in page.url
    finally:
        page.close()
