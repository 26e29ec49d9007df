"""How one answer is shown in the chat, and the conversation as plain text (pure functions, no Gradio).

An answer on a phone reads top-down, each thing once:

1. **Conclusion** — the engine's answer without its 依据 block (the citation cards carry the quotes) and without
   the 计算过程 line when a calculation card shows the working;
2. **下一步** — what to do next: the facts still needed, notes, and where to apply or ask;
3. **计算过程** (folded) — the calculator's steps;
4. **依据** (folded) — one card per cited clause holding its standard citation (``format_citation``), which the
   message's copy button copies as is.

A ``not_found`` answer stays short: the engine's reason, then the covered regions as one compact line.
Every string is escaped with ``render.md_text`` before it becomes chat markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from assistant.citations import format_citation
from assistant.models import Answer, Citation
from ui import render

BASIS_LINE = "依据："
CALCULATION_PREFIX = "计算过程："
COVERAGE_PREFIX = "本库目前收录"
_QUOTE_LINE = re.compile(r"^\[(?P<n>\d+)\].*?：“(?P<quote>.*)”\s*$")
ASK_LOCAL_OFFICE = "具体办理请咨询当地人力资源和社会保障部门。"
NEXT_STEPS_HEADING = "下一步"
Message = dict[str, Any]


def split_answer(text: str) -> tuple[list[str], dict[int, str]]:
    """(body lines before 依据, quote per citation number from the 依据 block)."""
    lines = text.splitlines()
    if BASIS_LINE not in lines:
        return lines, {}
    cut = lines.index(BASIS_LINE)
    quotes = {}
    for line in lines[cut + 1 :]:
        match = _QUOTE_LINE.match(line.strip())
        if match:
            quotes[int(match["n"])] = match["quote"]
    return lines[:cut], quotes


def first_sentence(line: str) -> tuple[str, str]:
    """(the first sentence of a line, the rest) — a no-match answer shows the first, folds the rest."""
    end = line.find("。")
    if end < 0 or end == len(line.rstrip()) - 1:
        return line, ""
    return line[: end + 1], line[end + 1 :].strip()


def covered_regions_line(regions: Iterable[str]) -> str:
    """本库收录：全国、甲市、乙市 — one compact line instead of every title."""
    names = list(dict.fromkeys(r for r in regions if r))
    return f"本库收录的地区：{'、'.join(names)}。" if names else ""


def conclusion_and_next_steps(
    answer: Answer, *, has_calculation: bool, regions: Sequence[str]
) -> tuple[str, list[str]]:
    """The conclusion text and the next-step lines for one answer (see module docstring)."""
    body, _ = split_answer(answer.answer)
    if answer.status == "not_found":
        reason, _ = first_sentence(next((line for line in body if line.strip()), ""))
        return "\n".join(line for line in (reason, covered_regions_line(regions)) if line), [ASK_LOCAL_OFFICE]
    kept = [
        line for line in body
        if line.strip() and not (has_calculation and line.startswith(CALCULATION_PREFIX))
        and not line.startswith(COVERAGE_PREFIX)
    ]
    steps = [f"注：{note}" for note in answer.notes]
    if answer.status == "answered":
        steps.append(ASK_LOCAL_OFFICE)
    return "\n".join(kept), steps


def _card(title: str, body: str) -> Message:
    return {
        "role": "assistant",
        "content": render.md_text(body),
        "metadata": {"title": render.md_text(title), "status": "done"},
    }


def calculation_card(result: Mapping[str, Any]) -> Message | None:
    if not result.get("trace") and not result.get("summary"):
        return None
    lines = [str(result.get("summary") or "")]
    lines += [f"{i}. {step}" for i, step in enumerate(result.get("trace") or [], start=1)]
    lines += [f"注：{note}" for note in result.get("notes") or []]
    title = f"计算过程：{result.get('title') or result.get('name') or ''}"
    return _card(title, "\n".join(line for line in lines if line))


def citation_card(citation: Citation, quote: str | None = None) -> Message:
    """Title: [n] 《标题》 条款; body: the standard citation (what the copy button copies)."""
    title = f"依据 [{citation.n}] 《{citation.title}》{render.clause_label(citation.clause)}"
    return _card(title, format_citation(citation, quote))


def answer_messages(answer: Answer, regions: Sequence[str] = ()) -> list[Message]:
    """Conclusion (+ 下一步), then the calculation card, then one folded card per cited clause."""
    cards = [card for call in answer.tool_calls if (card := calculation_card(call.result))]
    conclusion, steps = conclusion_and_next_steps(answer, has_calculation=bool(cards), regions=regions)
    text = render.md_text(conclusion or answer.answer)
    if steps:
        items = "\n".join(f"- {render.md_text(step)}" for step in steps)
        text += f"\n\n**{NEXT_STEPS_HEADING}**\n\n{items}"
    body, quotes = split_answer(answer.answer)
    messages: list[Message] = [{"role": "assistant", "content": text}]
    if answer.status == "not_found":  # the rest of the engine's explanation, folded
        _, details = first_sentence(next((line for line in body if line.strip()), ""))
        if details:
            messages.append(_card("详细说明", details))
    messages += cards
    messages += [citation_card(c, quotes.get(c.n)) for c in answer.citations]
    return messages


# ---------------------------------------------------------------- the conversation as text


_ESCAPE = re.compile(r"\\([\\`*_<>#!|~$&:(\[\]])")


def plain(markdown: str) -> str:
    """Chat markdown back to the text it shows (undo ``md_text`` escapes and our bold headings)."""
    return _ESCAPE.sub(r"\1", markdown).replace(f"**{NEXT_STEPS_HEADING}**", f"{NEXT_STEPS_HEADING}：")


def message_text(content: Any) -> str:
    """A message's markdown: our history holds a string; Gradio hands back a list of parts ({type, text})."""
    if isinstance(content, str):
        return content
    if isinstance(content, list | tuple):
        texts = [part if isinstance(part, str) else part.get("text") for part in content if isinstance(part, Mapping)]
        texts += [part for part in content if isinstance(part, str)]
        return "\n".join(text for text in texts if isinstance(text, str))
    return ""


def transcript(history: Sequence[Mapping[str, Any]]) -> str:
    """The whole conversation as plain text for copying or printing: 问/答 lines, cards under their titles."""
    out: list[str] = []
    for message in history:
        content = message_text(message.get("content"))
        if not content:
            continue
        title = (message.get("metadata") or {}).get("title")
        if message.get("role") == "user":
            out.append(f"\n问：{plain(content)}")
        elif title:
            out.append(f"【{plain(title)}】\n{plain(content)}")
        else:
            out.append(f"答：{plain(content)}")
    return "\n".join(out).strip()


def turn_of_message(history: Sequence[Mapping[str, Any]], index: int) -> int | None:
    """0-based number of the question whose answer holds message ``index`` (None for a user message)."""
    if not 0 <= index < len(history) or history[index].get("role") == "user":
        return None
    questions = sum(1 for message in history[: index + 1] if message.get("role") == "user")
    return questions - 1 if questions else None
