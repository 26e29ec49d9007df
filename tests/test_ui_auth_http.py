"""The staff login over real HTTP: session cookie, logout, failed-login limit, CSRF and size guards.

A real server (public page + staff area) on 127.0.0.1; the login's clock is a settable fake so the lockout window
can pass without sleeping.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from staff_support import STAFF_PASSWORD, STAFF_USER, Served, logged_in_client, serving_server, with_staff

from ingest.settings import Settings
from ui.auth import StaffAuth, parse_staff_accounts
from ui.services import build_services


class Clock:
    now = 5000.0

    def __call__(self) -> float:
        return self.now


CLOCK = Clock()
ACCOUNTS = f"{STAFF_USER}:{STAFF_PASSWORD},lockme:right-pw"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("auth-http")
    settings = Settings(data_dir=root / "policies", index_dir=root / "index", state_dir=root / "state", _env_file=None)
    services = with_staff(build_services(settings, retriever_factory=None, engine_factory=None), ACCOUNTS)
    auth = StaffAuth(parse_staff_accounts(ACCOUNTS), clock=CLOCK)
    with serving_server(services, auth=auth) as running:
        yield running


def test_staff_page_redirects_to_a_chinese_login_form(served: Served) -> None:
    client = httpx.Client(base_url=served.url)
    page = client.get("/staff/", follow_redirects=True)
    assert page.status_code == 200 and str(page.url).endswith("/staff/login")
    assert '<label for="username">用户名</label>' in page.text and 'type="password"' in page.text
    assert '<html lang="zh-CN">' in page.text and "http" not in page.text.split("<body>")[1].replace('href="/"', "")


def test_login_sets_a_strict_httponly_session_cookie_and_opens_the_staff_area(served: Served) -> None:
    client = httpx.Client(base_url=served.url, follow_redirects=False)
    wrong = client.post("/staff/login", data={"username": STAFF_USER, "password": "nope"})
    assert wrong.status_code == 401 and "用户名或密码错误" in wrong.text and not wrong.cookies
    right = client.post("/staff/login", data={"username": STAFF_USER, "password": STAFF_PASSWORD})
    assert right.status_code == 303 and right.headers["location"] == "/staff/"
    cookie = right.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/staff" in cookie
    page = client.get("/staff/")
    assert page.status_code == 200 and "工作人员区" in page.text  # the page title
    config = client.get("/staff/config")
    assert config.status_code == 200 and config.json()["username"] == STAFF_USER
    again = client.get("/staff/login")
    assert again.status_code == 303  # already logged in: straight to the staff area


def test_fifty_wrong_passwords_are_slowed_and_the_right_one_works_after_the_window(served: Served) -> None:
    client = httpx.Client(base_url=served.url, follow_redirects=False)
    codes = [
        client.post("/staff/login", data={"username": "lockme", "password": f"guess{i}"}).status_code
        for i in range(50)
    ]
    assert codes[:4] == [401] * 4 and codes[4:] == [429] * 46
    locked = client.post("/staff/login", data={"username": "lockme", "password": "right-pw"})
    assert locked.status_code == 429 and "登录失败次数过多" in locked.text
    assert int(locked.headers["retry-after"]) >= 1
    CLOCK.now += int(locked.headers["retry-after"]) + 1  # the window passes
    assert client.post("/staff/login", data={"username": "lockme", "password": "right-pw"}).status_code == 303


def test_logout_revokes_the_session_even_for_a_replayed_cookie(served: Served) -> None:
    client = logged_in_client(served.url)
    token = client.cookies.get("pa_staff_session")
    assert client.get("/staff/config").status_code == 200
    bye = client.post("/staff/logout")
    assert bye.status_code == 303 and "/staff/login" in bye.headers["location"]
    replay = httpx.Client(base_url=served.url, cookies={"pa_staff_session": token})
    assert replay.get("/staff/config").status_code == 401
    assert "已退出登录" in httpx.get(served.url + "staff/login?bye=1").text


@pytest.mark.parametrize("cookie", ["", "forged-token", "x" * 5000, "\u202e"])
def test_forged_cookies_open_nothing(served: Served, cookie: str) -> None:
    client = httpx.Client(base_url=served.url, cookies={"pa_staff_session": cookie} if cookie.isascii() else {})
    assert client.get("/staff/config").status_code == 401


def test_cross_site_login_post_and_oversized_bodies_are_refused(served: Served) -> None:
    data = {"username": STAFF_USER, "password": STAFF_PASSWORD}
    foreign = httpx.post(served.url + "staff/login", data=data, headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 403 and "set-cookie" not in foreign.headers
    huge = httpx.post(served.url + "staff/login", data={**data, "pad": "x" * 10_000})
    assert huge.status_code == 413
    empty = httpx.post(served.url + "staff/login", data={})
    assert empty.status_code == 401 and "用户名或密码错误" in empty.text


def test_staff_area_is_closed_without_accounts(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "p", index_dir=tmp_path / "i", state_dir=tmp_path / "s", _env_file=None)
    services = build_services(settings, retriever_factory=None, engine_factory=None)
    with serving_server(services) as running:
        for path in ("staff/", "staff/login", "staff/config", "staff/gradio_api/info"):
            response = httpx.get(running.url + path)
            assert response.status_code == 404 and "工作人员区未启用" in response.text, path
        login = httpx.post(running.url + "staff/login", data={"username": "a", "password": "b"})
        assert login.status_code == 404 and "set-cookie" not in login.headers
        assert httpx.get(running.url).status_code == 200  # the public page is served as usual
