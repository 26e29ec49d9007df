"""Build the answer engine at the application edge: LLM when configured, else offline (the default)."""

from __future__ import annotations

from langchain_core.language_models.chat_models import BaseChatModel

from assistant.protocols import AnswerEngine
from ingest.settings import Settings
from retriever.protocols import Retriever

MAX_ANSWER_TOKENS = 800  # a short answer plus quoted clauses; bounds latency on slow local models


def build_chat_model(settings: Settings) -> BaseChatModel:
    """``ChatOpenAI`` on the configured OpenAI-compatible endpoint (only imported when an LLM is configured)."""
    from langchain_openai import ChatOpenAI

    api_key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
    return ChatOpenAI(
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        api_key=api_key,
        timeout=settings.llm_timeout_s,
        temperature=0,
        max_retries=1,
        max_tokens=MAX_ANSWER_TOKENS,
    )


def build_engine(
    settings: Settings, retriever: Retriever, *, chat_model: BaseChatModel | None = None
) -> AnswerEngine:
    """The LLM engine (holding an offline engine for fallback) when ``settings.llm_enabled``; else offline."""
    from assistant.offline.engine import OfflineEngine
    from assistant.rules.store import LiveRules
    from assistant.trust import TrustedRetriever

    retriever = TrustedRetriever(retriever)  # clauses addressed to a reader (ingest.trust) never reach an engine
    log_dir = settings.state_dir / "logs"
    rules = LiveRules(settings)
    offline = OfflineEngine(retriever, rules, knowledge=getattr(retriever, "knowledge", None),
                            max_question_chars=settings.max_question_chars, log_dir=log_dir)
    if chat_model is None and not settings.llm_enabled:
        return offline
    from assistant.engine_llm import LlmEngine

    return LlmEngine(
        chat_model or build_chat_model(settings),
        retriever,
        offline,
        rules,
        max_question_chars=settings.max_question_chars,
        top_k=settings.top_k,
        log_dir=log_dir,
    )
