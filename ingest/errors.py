"""User-facing errors. Each carries a Chinese message (shown to users) and an English half (for CLI/logs)."""

from __future__ import annotations


class PolicyAssistantError(Exception):
    """Base: an expected failure with a message a user can act on."""

    def __init__(self, zh: str, en: str = "") -> None:
        super().__init__(zh)
        self.zh = zh
        self.en = en

    def one_line(self) -> str:
        """`中文说明 / English half` on one line, for stderr."""
        text = f"{self.zh} / {self.en}" if self.en else self.zh
        return " ".join(text.split())


class UserInputError(PolicyAssistantError):
    """Bad input from a user: CLI exit code 2, status ``rejected`` in JSON."""


class DocumentError(PolicyAssistantError):
    """A policy file that cannot be ingested (names the file)."""


class IndexError_(PolicyAssistantError):
    """The index is missing, locked or built with another embedding model."""
