"""Staff login: accounts from ``POLICY_UI_AUTH``, server-side sessions, and a limit on failed attempts.

- **Accounts**: ``user:password[,user:password]``; a password may be given as a PBKDF2 hash instead of plain text
  (``user:pbkdf2_sha256$<iterations>$<salt>$<hash>``, made by ``python -m ui.auth``), so the environment need not
  hold the password itself. An unknown name costs one verification too, so timing does not reveal names.
- **Sessions** live in this process (a random token in an HttpOnly, SameSite=Strict cookie; nothing to sign, and
  logout really revokes). They expire after ``idle`` seconds without use and after ``absolute`` seconds in all;
  at most ``max_sessions`` exist (the oldest goes first). A restart logs everyone out.
- **Failed logins** are counted per (client address, user name): after ``free_failures`` misses each further miss
  locks that pair for ``base_delay × 2^k`` seconds (capped at ``max_delay``). A locked pair is refused at once,
  without checking the password, so 50 guesses in a second cost the attacker the whole window; the right password
  works again once the window has passed, and a success clears the count.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from ingest.errors import UserInputError

HASH_SCHEME = "pbkdf2_sha256"
HASH_ITERATIONS = 240_000
AUTH_FORMAT_ZH = (
    "POLICY_UI_AUTH 格式错误，应为“用户名:密码”（或“用户名:pbkdf2_sha256$…”哈希），多个账号用英文逗号分隔。"
)
Clock = Callable[[], float]


# ---------------------------------------------------------------- accounts and passwords


def hash_password(password: str, *, salt: bytes | None = None, iterations: int = HASH_ITERATIONS) -> str:
    """``pbkdf2_sha256$<iterations>$<salt b64>$<hash b64>`` for ``POLICY_UI_AUTH``."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    encode = base64.urlsafe_b64encode
    return f"{HASH_SCHEME}${iterations}${encode(salt).decode()}${encode(digest).decode()}"


@dataclass(frozen=True)
class StaffAccount:
    user: str
    secret: str = field(repr=False)  # plain password, or a pbkdf2_sha256$… hash

    @property
    def hashed(self) -> bool:
        return self.secret.startswith(HASH_SCHEME + "$")

    def verify(self, password: str) -> bool:
        if not self.hashed:
            return hmac.compare_digest(password.encode(), self.secret.encode())
        _, iterations, salt, expected = self.secret.split("$")
        digest = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.urlsafe_b64decode(salt), int(iterations))
        return hmac.compare_digest(digest, base64.urlsafe_b64decode(expected))


def _valid_hash(secret: str) -> bool:
    parts = secret.split("$")
    if len(parts) != 4 or not parts[1].isdigit() or not 1_000 <= int(parts[1]) <= 10_000_000:
        return False
    try:
        return all(base64.urlsafe_b64decode(p.encode()) for p in parts[2:])
    except ValueError:
        return False


def parse_staff_accounts(auth: str | None) -> list[StaffAccount]:
    """``user:password[,user:password]`` → accounts. A malformed value is a configuration error (Chinese message)."""
    if not auth or not auth.strip():
        return []
    accounts: list[StaffAccount] = []
    for entry in auth.split(","):
        user, sep, secret = entry.strip().partition(":")
        user = user.strip()
        if not sep or not user or not secret or any(ord(ch) < 32 for ch in user + secret):
            raise UserInputError(AUTH_FORMAT_ZH, "POLICY_UI_AUTH must be user:password[,user:password]")
        account = StaffAccount(user, secret)
        if account.hashed and not _valid_hash(secret):
            raise UserInputError(AUTH_FORMAT_ZH, f"POLICY_UI_AUTH: malformed password hash for {user}")
        if any(a.user == user for a in accounts):
            raise UserInputError(f"POLICY_UI_AUTH 中账号“{user}”重复。", f"POLICY_UI_AUTH: duplicate user {user}")
        accounts.append(account)
    return accounts


def check_password(accounts: list[StaffAccount], user: str, password: str) -> bool:
    """One verification per attempt, known user or not (an unknown name costs the same), so timing reveals nothing."""
    if not accounts:
        return False
    match = next((a for a in accounts if hmac.compare_digest(a.user.encode(), user.encode())), None)
    verified = (match or accounts[0]).verify(password)
    return match is not None and verified


# ---------------------------------------------------------------- failed-login limit


@dataclass
class _Failures:
    count: int = 0
    locked_until: float = 0.0


class LoginRateLimiter:
    """Exponential lockout per key (client address + user name); bounded memory (oldest keys dropped)."""

    def __init__(
        self,
        *,
        free_failures: int = 3,
        base_delay: float = 2.0,
        max_delay: float = 900.0,
        max_keys: int = 10_000,
        clock: Clock = time.monotonic,
    ) -> None:
        self.free_failures, self.base_delay, self.max_delay = free_failures, base_delay, max_delay
        self.max_keys, self.clock = max_keys, clock
        self._entries: OrderedDict[tuple[str, str], _Failures] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, key: tuple[str, str]) -> float:
        """Seconds until ``key`` may try again (0 = now)."""
        with self._lock:
            entry = self._entries.get(key)
            return max(0.0, entry.locked_until - self.clock()) if entry else 0.0

    def failed(self, key: tuple[str, str]) -> float:
        """Count a failure; returns the lock it starts (seconds, 0 while failures are still free)."""
        with self._lock:
            entry = self._entries.pop(key, None) or _Failures()
            entry.count += 1
            extra = entry.count - self.free_failures
            delay = min(self.max_delay, self.base_delay * 2 ** (extra - 1)) if extra > 0 else 0.0
            entry.locked_until = self.clock() + delay
            self._entries[key] = entry
            while len(self._entries) > self.max_keys:
                self._entries.popitem(last=False)
            return delay

    def succeeded(self, key: tuple[str, str]) -> None:
        with self._lock:
            self._entries.pop(key, None)


# ---------------------------------------------------------------- sessions


@dataclass
class _Session:
    user: str
    created: float
    last_seen: float


class SessionStore:
    """Random tokens → user, with idle and absolute expiry and a cap on how many exist."""

    def __init__(
        self, *, idle: float, absolute: float = 24 * 3600, max_sessions: int = 1_000, clock: Clock = time.monotonic
    ) -> None:
        self.idle, self.absolute, self.max_sessions, self.clock = idle, absolute, max_sessions, clock
        self._sessions: OrderedDict[str, _Session] = OrderedDict()
        self._lock = threading.Lock()

    def create(self, user: str) -> str:
        token = secrets.token_urlsafe(32)
        now = self.clock()
        with self._lock:
            self._sessions[token] = _Session(user, now, now)
            while len(self._sessions) > self.max_sessions:
                self._sessions.popitem(last=False)
        return token

    def user(self, token: str | None) -> str | None:
        """The session's user (and the session refreshed), or None when unknown or expired."""
        if not token:
            return None
        now = self.clock()
        with self._lock:
            session = self._sessions.get(token)
            if session is None:
                return None
            if now - session.last_seen > self.idle or now - session.created > self.absolute:
                del self._sessions[token]
                return None
            session.last_seen = now
            return session.user

    def revoke(self, token: str | None) -> None:
        with self._lock:
            self._sessions.pop(token or "", None)

    def __len__(self) -> int:
        return len(self._sessions)


# ---------------------------------------------------------------- the login decision


@dataclass(frozen=True)
class LoginOutcome:
    result: Literal["ok", "wrong", "locked", "disabled"]
    token: str | None = None
    retry_after: float = 0.0

    def message_zh(self) -> str:
        if self.result == "wrong":
            return "用户名或密码错误。"
        if self.result == "locked":
            return f"登录失败次数过多，请 {max(1, round(self.retry_after))} 秒后再试。"
        if self.result == "disabled":
            return "工作人员区未启用：管理员尚未设置 POLICY_UI_AUTH。"
        return ""


class StaffAuth:
    """Accounts + sessions + failed-login limit: the one object the server asks who a request belongs to."""

    def __init__(
        self,
        accounts: list[StaffAccount],
        *,
        session_idle_s: float = 8 * 3600,
        limiter: LoginRateLimiter | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        self.accounts = accounts
        self.limiter = limiter or LoginRateLimiter(clock=clock)
        self.sessions = SessionStore(idle=session_idle_s, clock=clock)

    @property
    def enabled(self) -> bool:
        return bool(self.accounts)

    def login(self, client: str, user: str, password: str) -> LoginOutcome:
        if not self.enabled:
            return LoginOutcome("disabled")
        key = (client, user)
        wait = self.limiter.retry_after(key)
        if wait > 0:
            return LoginOutcome("locked", retry_after=wait)
        if not check_password(self.accounts, user, password):
            return LoginOutcome("wrong", retry_after=self.limiter.failed(key))
        self.limiter.succeeded(key)
        return LoginOutcome("ok", token=self.sessions.create(user))

    def user_of(self, token: str | None) -> str | None:
        user = self.sessions.user(token)
        return user if user and any(a.user == user for a in self.accounts) else None

    def logout(self, token: str | None) -> None:
        self.sessions.revoke(token)


def main() -> None:
    """``python -m ui.auth``: prompt for a password and print the hash to put in POLICY_UI_AUTH."""
    import getpass

    password = getpass.getpass("密码 / password: ")
    if not password or getpass.getpass("再输入一次 / again: ") != password:
        raise SystemExit("两次输入不一致或为空 / passwords empty or different")
    print(hash_password(password))


if __name__ == "__main__":
    main()
