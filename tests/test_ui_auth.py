"""Staff login mechanics (ui/auth.py): accounts and hashes, failed-login limit, sessions — with a settable clock."""

from __future__ import annotations

import pytest

from ingest.errors import UserInputError
from ui.auth import LoginRateLimiter, SessionStore, StaffAccount, StaffAuth, hash_password, parse_staff_accounts


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class CountingAccount(StaffAccount):
    """Counts password verifications, to prove a locked client gets no guesses checked at all."""

    checks = 0

    def verify(self, password: str) -> bool:
        CountingAccount.checks += 1
        return super().verify(password)


def test_accounts_parse_plain_and_hashed_passwords() -> None:
    hashed = hash_password("s3cret", iterations=1_000)
    accounts = parse_staff_accounts(f"alice:pw1, bob:p:w2,carol:{hashed}")
    assert [(a.user, a.hashed) for a in accounts] == [("alice", False), ("bob", False), ("carol", True)]
    assert accounts[1].verify("p:w2") and not accounts[1].verify("p")
    assert accounts[2].verify("s3cret") and not accounts[2].verify("s3cret ")
    assert hashed not in repr(accounts[2])  # the secret never shows in logs
    assert parse_staff_accounts(None) == [] and parse_staff_accounts("  ") == []


@pytest.mark.parametrize(
    "value",
    ["alice", "alice:", ":pw", "alice:pw,,", "alice:a\x00b", "alice:pbkdf2_sha256$12$x", "a:pbkdf2_sha256$5$AA==$AA=="],
)
def test_malformed_accounts_are_a_chinese_configuration_error(value: str) -> None:
    with pytest.raises(UserInputError) as info:
        parse_staff_accounts(value)
    assert "POLICY_UI_AUTH 格式错误" in info.value.zh


def test_duplicate_account_is_refused() -> None:
    with pytest.raises(UserInputError, match="重复"):
        parse_staff_accounts("alice:a,alice:b")


def test_limiter_delays_grow_exponentially_up_to_the_cap() -> None:
    clock = Clock()
    limiter = LoginRateLimiter(free_failures=3, base_delay=2, max_delay=60, clock=clock)
    key = ("10.0.0.1", "alice")
    delays = []
    for _ in range(10):
        delays.append(limiter.failed(key))
        clock.now += 1000  # wait out each lock before the next try
    assert delays == [0, 0, 0, 2, 4, 8, 16, 32, 60, 60]
    limiter.succeeded(key)
    assert limiter.failed(key) == 0  # a success clears the count


def test_limiter_memory_is_bounded() -> None:
    limiter = LoginRateLimiter(max_keys=100, clock=Clock())
    for i in range(1000):
        limiter.failed((f"10.0.{i // 256}.{i % 256}", "x"))
    assert len(limiter._entries) == 100


def test_fifty_wrong_passwords_are_slowed_and_the_right_one_works_after_the_window() -> None:
    clock = Clock()
    CountingAccount.checks = 0
    auth = StaffAuth([CountingAccount("staff", "right-pw")], clock=clock)
    outcomes = [auth.login("192.0.2.7", "staff", f"guess-{i}") for i in range(50)]
    results = [o.result for o in outcomes]
    assert results[:4] == ["wrong"] * 4
    assert results[4:] == ["locked"] * 46  # the fifth try and every one after it within the window
    assert CountingAccount.checks == 4  # only four guesses were ever checked
    assert "登录失败次数过多" in outcomes[-1].message_zh() and outcomes[-1].retry_after > 0
    # the right password during the lock is refused too: otherwise guessing would simply continue
    assert auth.login("192.0.2.7", "staff", "right-pw").result == "locked"
    # another client is not locked out by the attacker's failures
    assert auth.login("198.51.100.9", "staff", "right-pw").result == "ok"
    clock.now += outcomes[3].retry_after + 0.1
    ok = auth.login("192.0.2.7", "staff", "right-pw")
    assert ok.result == "ok" and ok.token and auth.user_of(ok.token) == "staff"
    assert auth.login("192.0.2.7", "staff", "wrong again").result == "wrong"  # the count started over


def test_unknown_user_is_answered_like_a_wrong_password() -> None:
    auth = StaffAuth(parse_staff_accounts("staff:pw"), clock=Clock())
    wrong_user, wrong_password = auth.login("c", "nobody", "pw"), auth.login("c", "staff", "nope")
    assert wrong_user.result == wrong_password.result == "wrong"
    assert wrong_user.message_zh() == wrong_password.message_zh() == "用户名或密码错误。"


def test_no_accounts_means_no_login() -> None:
    outcome = StaffAuth([]).login("c", "staff", "pw")
    assert outcome.result == "disabled" and "POLICY_UI_AUTH" in outcome.message_zh()


def test_sessions_expire_when_idle_and_absolutely_and_logout_revokes() -> None:
    clock = Clock()
    sessions = SessionStore(idle=600, absolute=3600, clock=clock)
    token = sessions.create("staff")
    assert len(token) >= 40 and sessions.user(token) == "staff"
    for _ in range(5):  # used every 9 minutes: stays alive until the absolute limit
        clock.now += 540
        assert sessions.user(token) == "staff"
    clock.now += 540 + 300
    assert sessions.user(token) is None  # past one hour in all
    idle = sessions.create("staff")
    clock.now += 601
    assert sessions.user(idle) is None
    revoked = sessions.create("staff")
    sessions.revoke(revoked)
    assert sessions.user(revoked) is None
    assert sessions.user(None) is None and sessions.user("forged-token") is None


def test_session_count_is_capped() -> None:
    sessions = SessionStore(idle=600, max_sessions=10, clock=Clock())
    tokens = [sessions.create(f"user{i}") for i in range(25)]
    assert len(sessions) == 10
    assert sessions.user(tokens[0]) is None and sessions.user(tokens[-1]) == "user24"


def test_a_session_of_a_removed_account_is_not_honoured() -> None:
    auth = StaffAuth(parse_staff_accounts("staff:pw"), clock=Clock())
    token = auth.login("c", "staff", "pw").token
    auth.accounts = parse_staff_accounts("other:pw")
    assert auth.user_of(token) is None
