"""The one input-validation layer used by the CLI, the Gradio UI and the API.

Every user-typed string passes through here before it reaches retrieval or an answer engine. Rejections
raise ``UserInputError(zh, en)`` with a specific, kind Chinese message (CLI: exit code 2; JSON: status
``rejected``).

Normalization rule (documented, tested):
- Unicode NFKC folds full-width digits/letters to ASCII (``１５个月`` → ``15个月``, ``ＡＢＣ`` → ``ABC``) so
  matching and calculators see one form.
- Punctuation is *not* folded: NFKC would turn ``，（）：；！？…`` into ASCII, which changes how quoted
  Chinese text reads and breaks verbatim matching against clause text. Characters whose Unicode category is
  punctuation (P*) are kept exactly as typed.
- Every run of whitespace (spaces, tabs, newlines, the ideographic space U+3000) becomes one ASCII space;
  leading/trailing whitespace is removed.

Rejected before normalization: control characters (except tab/newline/carriage return, which are whitespace),
bidi controls (U+202A–202E, U+2066–2069, LRM/RLM/ALM), zero-width and other invisible format characters
(U+200B–200D, U+2060–2064, U+FEFF, U+00AD, Unicode tag characters …) and lone surrogates. A zero-width
joiner between two emoji (👨‍👩‍👧) is part of the emoji and is allowed.

Limits: questions 1000 characters (``Settings.max_question_chars``), search queries 200 characters, both
counted after normalization. Anything over ``_HARD_CAP_FACTOR`` times the limit is rejected before any
normalization work is done.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import groupby

from ingest.errors import UserInputError

MAX_QUESTION_CHARS = 1000
MAX_QUERY_CHARS = 200
MAX_FILTER_CHARS = 100

# Raw inputs longer than this multiple of the limit are rejected without normalizing them (cheap guard
# against megabyte pastes); shorter ones are measured after whitespace collapse.
_HARD_CAP_FACTOR = 20

_WHITESPACE_CONTROLS = frozenset("\t\n\r\x0b\x0c")
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f"  # arabic letter mark, LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # LRE, RLE, PDF, LRO, RLO
    "\u2066\u2067\u2068\u2069"  # LRI, RLI, FSI, PDI
)
_ZERO_WIDTH_JOINER = "\u200d"
_EMOJI_PRESENTATION = "\ufe0f"


@dataclass(frozen=True)
class _Field:
    """Wording for one kind of input, so questions and search queries get matching messages."""

    zh: str
    en: str
    empty_zh: str
    no_text_zh: str


_QUESTION = _Field(
    zh="问题",
    en="question",
    empty_zh="问题不能为空，请输入您想咨询的内容。",
    no_text_zh="请输入文字内容（纯标点或表情无法理解），例如“石家庄技能提升补贴是多少”。",
)
_QUERY = _Field(
    zh="搜索词",
    en="search query",
    empty_zh="搜索词不能为空，请输入要查找的关键词。",
    no_text_zh="请输入文字内容（纯标点或表情无法检索）。",
)


def normalize_text(text: str) -> str:
    """NFKC-fold digits/letters, keep punctuation as typed, collapse whitespace to single spaces.

    Pure normalization: no rejection here (use ``validate_question``/``validate_query`` for user input).
    """
    folded = "".join(_fold_runs(text))
    return " ".join(folded.split())


def validate_question(text: str, *, max_chars: int = MAX_QUESTION_CHARS) -> str:
    """Return the cleaned question, or raise ``UserInputError`` saying what to fix."""
    return _validate(text, max_chars=max_chars, field=_QUESTION)


def validate_query(text: str, *, max_chars: int = MAX_QUERY_CHARS) -> str:
    """Return the cleaned search query, or raise ``UserInputError`` (also for punctuation/emoji-only input)."""
    return _validate(text, max_chars=max_chars, field=_QUERY)


def validate_filter_value(
    value: str,
    allowed: Iterable[str],
    *,
    field_zh: str,
    aliases: Mapping[str, str] | None = None,
) -> str:
    """Return the canonical allowed value matching ``value`` (exact, case-insensitive, or via ``aliases``).

    Unknown values raise ``UserInputError`` listing the allowed ones, e.g.
    ``未知的地区：上海市。可选的地区：北京市、石家庄市。``.
    """
    choices = list(dict.fromkeys(allowed))
    if not isinstance(value, str):
        raise UserInputError(f"{field_zh}必须是文字。", f"{field_zh} must be text")
    _reject_invisible(value, field_zh=field_zh, field_en="filter value")
    cleaned = normalize_text(value)
    if not cleaned:
        raise UserInputError(f"{field_zh}不能为空。", "filter value is empty")
    if len(cleaned) > MAX_FILTER_CHARS:
        raise UserInputError(
            f"{field_zh}过长（{len(cleaned)}字），请控制在{MAX_FILTER_CHARS}字以内。",
            f"filter value too long ({len(cleaned)} > {MAX_FILTER_CHARS} chars)",
        )
    by_key = {choice.casefold(): choice for choice in choices}
    for alias, canonical in (aliases or {}).items():
        if canonical in choices:
            by_key.setdefault(normalize_text(alias).casefold(), canonical)
    match = by_key.get(cleaned.casefold())
    if match is not None:
        return match
    if not choices:
        raise UserInputError(
            f"当前没有可选的{field_zh}，请先导入政策文件。", f"no {field_zh} values available; ingest documents first"
        )
    shown = "、".join(choices)
    raise UserInputError(
        f"未知的{field_zh}：{cleaned}。可选的{field_zh}：{shown}。",
        f"unknown value {cleaned!r}; allowed: {', '.join(choices)}",
    )


def _validate(text: str, *, max_chars: int, field: _Field) -> str:
    if not isinstance(text, str):
        raise UserInputError(f"{field.zh}必须是文字。", f"{field.en} must be a string")
    if len(text) > max_chars * _HARD_CAP_FACTOR:
        raise _too_long(len(text), max_chars, field)
    _reject_invisible(text, field_zh=field.zh, field_en=field.en)
    cleaned = normalize_text(text)
    if not cleaned:
        raise UserInputError(field.empty_zh, f"{field.en} is empty")
    if len(cleaned) > max_chars:
        raise _too_long(len(cleaned), max_chars, field)
    if not any(unicodedata.category(char)[0] in "LN" for char in cleaned):
        raise UserInputError(field.no_text_zh, f"{field.en} has no letters or digits")
    return cleaned


def _too_long(length: int, max_chars: int, field: _Field) -> UserInputError:
    return UserInputError(
        f"{field.zh}过长（{length}字），请控制在{max_chars}字以内。",
        f"{field.en} too long ({length} > {max_chars} chars)",
    )


def _reject_invisible(text: str, *, field_zh: str, field_en: str) -> None:
    """Control, bidi and zero-width characters hide or reorder text (smuggled instructions, spoofed quotes)."""
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if char in _BIDI_CONTROLS or (category == "Cc" and char not in _WHITESPACE_CONTROLS):
            raise UserInputError(
                f"{field_zh}中含有不可见的控制字符或方向控制字符，请删除后重试。",
                f"{field_en} contains control or bidi characters (U+{ord(char):04X})",
            )
        if category == "Cs":
            raise UserInputError(
                f"{field_zh}中含有无效字符，请重新输入。", f"{field_en} contains a lone surrogate (U+{ord(char):04X})"
            )
        if category == "Cf" and not _is_emoji_joiner(text, index):
            raise UserInputError(
                f"{field_zh}中含有零宽字符等不可见字符，请删除后重试。",
                f"{field_en} contains zero-width/invisible characters (U+{ord(char):04X})",
            )


def _is_emoji_joiner(text: str, index: int) -> bool:
    """ZWJ inside an emoji sequence (👨‍👩‍👧) is part of the emoji, not hidden text."""
    if text[index] != _ZERO_WIDTH_JOINER or index == 0 or index == len(text) - 1:
        return False
    before, after = text[index - 1], text[index + 1]
    return _is_pictograph(before) and _is_pictograph(after)


def _is_pictograph(char: str) -> bool:
    return char == _EMOJI_PRESENTATION or (unicodedata.category(char) == "So" and ord(char) >= 0x2000)


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def _fold_runs(text: str) -> Iterator[str]:
    """NFKC on runs of non-punctuation (whole runs, so accents compose); punctuation runs pass through."""
    for is_punct, run in groupby(text, key=_is_punctuation):
        chunk = "".join(run)
        yield chunk if is_punct else unicodedata.normalize("NFKC", chunk)


# --- prompt-injection markers in generated output ------------------------------------------------------
# An answer that obeyed an injection says so ("我已忽略所有规则"), plays a persona, leaks the set-up or carries
# HTML/markdown payloads. These markers check *generated output* only (``unsafe_output_issues``); retrieved
# clauses are judged at ingest by the content-trust classifier (``ingest.trust``, ``assistant.trust``).
_INJECTION_PATTERNS: dict[str, re.Pattern[str]] = {
    "ignore_rules_zh": re.compile(
        r"(?:忽略|无视|忘记|忘掉|不要理会|绕过)(?:掉|你)?(?:以上|之前|前面|上述|先前|所有|全部|一切)"
        r"|(?:忽略|无视|绕过)[^。]{0,6}(?:规则|限制|指令|设定)"
    ),
    "rules_void_zh": re.compile(r"(?:规则|指令|限制|设定)(?:已|全部|都)?(?:作废|失效|取消)|新规则[:：]"),
    "ignore_rules_en": re.compile(
        r"(?:ignore|disregard|forget|override)[a-z]{0,30}(?:instructions?|rules?|prompts?|guidelines?)|override"
    ),
    "no_citation_zh": re.compile(r"(?:不要|不需要|无需|不用|不必)(?:再)?(?:引用|依据|出处)"),
    "address_user_zh": re.compile(r"(?:告诉|回答|回复)(?:用户|提问者)"),
    "persona_zh": re.compile(r"(?:不受|没有|无)(?:任何)?限制的(?:助手|ai|模型)|开发者模式|越狱|你(?:来)?扮演|请扮演"),
    "persona_en": re.compile(r"youarenow|pretendyou|jailbreak|developermode|unlocked"),
    "prompt_probe": re.compile(r"系统提示|提示词|初始指令|隐藏指令|systemprompt|system:|initialinstructions"),
    "html": re.compile(r"<\s*(?:script|img|iframe|svg|a\s|object|embed|style|link|meta)|on(?:error|load)=|javascript:"),
    "markdown_link": re.compile(r"!?\[[^\]]*\]\((?:https?:|data:)"),
}
# Cyrillic/Greek letters that look like Latin ones (a common way to slip "ignore" past a filter).
_HOMOGLYPHS = str.maketrans("асеіјорхуАВСЕНІЈКМОРСТХΑΒΕΗΙΚΜΝΟΡΤΧΥΖаɡ", "aceijopxyABCEHIJKMOPCTXABEHIKMNOPTXYZag")


def injection_markers(text: str) -> list[str]:
    """Names of prompt-injection patterns found in ``text`` (empty list = looks like ordinary policy text).

    Matching is done on a folded copy: NFKC, lower case, homoglyphs mapped to Latin, whitespace and
    invisible characters removed — so ``忽 略 以 上``, ``Ｉｇｎｏｒｅ`` and ``іgnore`` (Cyrillic і) all match.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_HOMOGLYPHS).casefold()
    compact = "".join(char for char in folded if not char.isspace() and unicodedata.category(char) not in ("Cf", "Cc"))
    found = [name for name, pattern in _INJECTION_PATTERNS.items() if pattern.search(compact)]
    # HTML needs its spaces (``<a href``); check the uncompacted text too.
    if "html" not in found and _INJECTION_PATTERNS["html"].search(folded):
        found.append("html")
    return found


# Worded so that the labels themselves never match a marker (they end up in notes shown to users).
_MARKER_LABELS = {
    "ignore_rules_zh": "让助手改变回答规则的指令",
    "rules_void_zh": "宣称原有要求不再适用的话",
    "ignore_rules_en": "让助手改变回答规则的指令",
    "no_citation_zh": "要求省略出处的话",
    "address_user_zh": "对用户的指令",
    "persona_zh": "角色扮演内容",
    "persona_en": "角色扮演内容",
    "prompt_probe": "系统设定相关内容",
    "html": "HTML代码",
    "markdown_link": "外部链接或图片",
}
_LEAK_WINDOW = 12  # characters of the system prompt that may not appear verbatim in an answer


def unsafe_output_issues(text: str, *, secret: str = "") -> list[str]:
    """Why a generated answer must not be shown (empty = fine), in Chinese for the repair prompt.

    Flags instruction-following phrases, HTML/markdown payloads (``injection_markers``) and any verbatim
    ``_LEAK_WINDOW``-character piece of ``secret`` (pass the system prompt).
    """
    issues = []
    labels = list(dict.fromkeys(_MARKER_LABELS[name] for name in injection_markers(text)))
    if labels:
        issues.append(f"回答中出现了{'、'.join(labels)}，只能陈述条款内容和计算结果")
    if secret and any(
        secret[start : start + _LEAK_WINDOW] in text for start in range(max(1, len(secret) - _LEAK_WINDOW + 1))
    ):
        issues.append("回答复述了系统设定，不得透露")
    return issues
