"""The composition root of the Gradio page: build retriever, engine, calculators and the feedback store once.

Tabs receive a ``Services`` object and read ``services.retriever`` / ``services.engine`` at call time, so a
re-index (staff upload) can swap them without rebuilding the page. When the index is missing the page still
starts: calculators work, and search/chat say "尚未建立索引，请先运行 policy-assistant ingest".
"""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.protocols import AnswerEngine
from ingest.errors import PolicyAssistantError
from ingest.settings import Settings
from retriever.protocols import Retriever
from ui.auth import StaffAccount, parse_staff_accounts
from ui.feedback import FeedbackStore

INDEX_MISSING_ZH = "尚未建立索引，请先运行 policy-assistant ingest"
logger = logging.getLogger(__name__)

RetrieverFactory = Callable[[Settings], Retriever]
EngineFactory = Callable[[Settings, Retriever], AnswerEngine]


@dataclass
class Services:
    """Everything the page needs, built once at startup."""

    settings: Settings
    feedback: FeedbackStore
    calculators: list[Any] = field(default_factory=list)  # the loaded rules (assistant.rules CompiledRule)
    rulebook: Any = None  # assistant.rules.book.RuleBook the calculators come from
    staff_accounts: list[StaffAccount] = field(default_factory=list)
    retriever: Retriever | None = None
    engine: AnswerEngine | None = None
    index_problem: str | None = None  # Chinese; search/chat unavailable, or served from an older intact index
    retriever_factory: RetrieverFactory | None = None
    engine_factory: EngineFactory | None = None
    index_generation: int = 0  # +1 whenever the index is (re)opened; the public page polls it to refresh filters
    _reload_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def staff_enabled(self) -> bool:
        """The staff area (upload, metadata, reports) exists only when POLICY_UI_AUTH names accounts."""
        return bool(self.staff_accounts)

    upload_enabled = staff_enabled

    @property
    def log_dir(self) -> Path:
        return self.settings.state_dir / "logs"

    def is_staff(self, username: str | None) -> bool:
        """A user name the staff login vouched for (checked again inside every staff action)."""
        return bool(username) and any(hmac.compare_digest(username, a.user) for a in self.staff_accounts)

    def failure(self, exc: Exception, *, action_zh: str, command: str, **context: Any) -> tuple[str, str | None]:
        """(Chinese message, error id) for a failed action: a user error says what to fix; anything else is
        logged with its traceback and shown only as a quotable id — never a traceback on the page."""
        if isinstance(exc, PolicyAssistantError):
            return exc.zh, None
        from assistant.errorlog import log_internal_error

        error_id = log_internal_error(exc, log_dir=self.log_dir, command=command, **context)
        return f"{action_zh}时出现内部错误（编号 {error_id}），请稍后重试；如果反复出现，请把编号告诉管理员。", error_id

    def require_retriever(self) -> Retriever:
        if self.retriever is None:
            raise PolicyAssistantError(self.index_problem or INDEX_MISSING_ZH, "index not available")
        return self.retriever

    def require_engine(self) -> AnswerEngine:
        if self.engine is None:
            raise PolicyAssistantError(self.index_problem or INDEX_MISSING_ZH, "answer engine not available")
        return self.engine

    def reload(self) -> None:
        """(Re)open the index and rebuild the engine, e.g. after staff re-indexed. Keeps old objects on failure."""
        if self.retriever_factory is None:
            return
        with self._reload_lock:
            try:
                retriever = self.retriever_factory(self.settings)
                engine = self.engine_factory(self.settings, retriever) if self.engine_factory else None
            except PolicyAssistantError as exc:
                if self.retriever is None:
                    self.index_problem = INDEX_MISSING_ZH if not _index_exists(self.settings) else exc.zh
                logger.info("index not available: %s", exc.one_line())
                return
            # a damaged live index served from an older intact generation: usable, with the warning shown
            problem = getattr(retriever, "index_problem", None)
            self.retriever, self.engine, self.index_problem = retriever, engine, problem
            self.rulebook = load_rulebook(self.settings)  # the rules the new generation verified
            self.index_generation += 1


def _index_exists(settings: Settings) -> bool:
    from retriever.generations import current_state

    return current_state(settings.index_dir) != (None, None)  # a CURRENT file, readable or damaged


def _default_retriever_factory(settings: Settings) -> Retriever:
    from retriever.factory import open_retriever

    return open_retriever(settings)


def _default_engine_factory(settings: Settings, retriever: Retriever) -> AnswerEngine:
    from assistant.factory import build_engine

    return build_engine(settings, retriever)


def load_rulebook(settings: Settings) -> Any:
    """The rules the live index verified (or, with no index, the data dir's rules verified on the spot)."""
    from assistant.rules.store import load_rulebook as load

    return load(settings)


def build_services(
    settings: Settings,
    *,
    retriever_factory: RetrieverFactory | None = _default_retriever_factory,
    engine_factory: EngineFactory | None = _default_engine_factory,
) -> Services:
    """Build everything once. A missing index is reported (``index_problem``), not raised."""
    rulebook = load_rulebook(settings)
    services = Services(
        settings=settings,
        feedback=FeedbackStore(settings.feedback_db),
        calculators=rulebook.list(),
        rulebook=rulebook,
        staff_accounts=parse_staff_accounts(settings.ui_auth.get_secret_value() if settings.ui_auth else None),
        retriever_factory=retriever_factory,
        engine_factory=engine_factory,
        index_problem=INDEX_MISSING_ZH,
    )
    services.reload()
    return services
