"""Answer texts of the offline engine: direct answer first, then 依据 with quoted clauses.

Every number in these texts comes from a quoted clause or a calculator result (tests run ``verify_answer``
on them); region and document are always named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from assistant.citations import doc_label, quote_line
from assistant.models import Answer, Citation
from assistant.rules.draft_text import added
from assistant.rules.drafting import BARE_LABEL
from assistant.rules.results import CalculationResult, money, yuan
from ingest.models import STATUS_LABELS, DocumentMeta
from ingest.quantities import find_quantities
from retriever.understanding import GENERAL_KIND

BASIS = "依据："
WORKED_LABEL = "计算过程："  # what the steps of an amount worked out begin with



def basis(quotes: Sequence[tuple[Citation, str]]) -> str:
    if not quotes:
        return ""
    return "\n".join([BASIS, *(quote_line(citation, quote) for citation, quote in quotes)])


def with_basis(text: str, note: str, citation: Citation, quote: str) -> str:
    """``text`` with ``note`` said before its next step (or its 依据 block) and ``quote`` cited last in the block (a
    block of its own when the text has none)."""
    lines = text.split("\n")
    if BASIS not in lines:
        return join(text, note, basis([(citation, quote)]))
    at = last = lines.index(BASIS)
    while last + 1 < len(lines) and lines[last + 1].startswith("["):
        last += 1
    lines.insert(last + 1, quote_line(citation, quote))
    if note:
        lines.insert(next((i for i, line in enumerate(lines[:at]) if line.startswith(NEXT_STEP_MARK)), at), note)
    return "\n".join(lines)


def with_bases(text: str, note: str, quotes: Sequence[tuple[Citation, str]]) -> str:
    """``text`` with ``note`` said before its next step (or its 依据 block) and each quote cited last in the block."""
    for i, (citation, quote) in enumerate(quotes):
        text = with_basis(text, note if i == 0 else "", citation, quote)
    return text


def members_note(quotes: Sequence[tuple[Citation, str]]) -> str:
    """对照所列情形，您所说的属于：“（1）…”[2]；“（2）…”[3]。"""
    said = "；".join(f"“{unlabelled(quote).rstrip('；;。，,')}”[{citation.n}]" for citation, quote in quotes)
    return f"对照所列情形，您所说的属于：{said}。"


def unraised_note(region: str, *, judged: bool = True) -> str:
    """Said before the standard a raise the asker's case does not meet raises (``judged``: a verdict below says
    why), or that nothing the question says calls for."""
    if judged:
        return f"您的情况不符合{region_phrase(region)}提高标准部分的条件（见下方结论），按上级标准计算："
    return f"您所说的情况未显示符合{region_phrase(region)}提高标准部分的条件，按上级标准计算："


def silent_level_note(place: str, n: int) -> str:
    """Why a wider level's rule answers for a place without its own: that document says it applies there."""
    return f"{place}没有另行规定的，按上级文件执行。[{n}]"


def deferred_note(place: str, n: int) -> str:
    """Why a wider level's raise is paid in a place whose own document raises other things: it says so."""
    return f"{place}规定该项补贴按上级标准执行。[{n}]"


def lower_raise_note(place: str, n: int) -> str:
    """A wider level's standard given for a place that document lets raise it: the library holds no raise there."""
    return (f"该文件允许下级地区提高标准，本库未收录{place}提高标准的规定，以上按该文件标准计算，"
            f"实际以当地规定为准。[{n}]")


def join(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def region_phrase(region: str) -> str:
    return "国家层面（人力资源社会保障部）" if region == "全国" else region


def clause_answer(region: str, lead: str, n: int) -> str:
    """根据某市的规定：<quoted sentence>[1] — the sentence without the article or item number it opens with."""
    return f"根据{region_phrase(region)}的规定：{unlabelled(lead)}[{n}]"


def unlabelled(sentence: str) -> str:
    """A quoted sentence said as an answer: without the article or item numbers it opens with (第三条, 一、（二）),
    which its citation gives."""
    while (bare := BARE_LABEL.sub("", sentence, count=1)) != sentence and bare:
        sentence = bare
    return sentence


def in_wan(amount: Decimal) -> str:
    """10000元 → 10000元（1万元）: policies write large sums in 万; the figure is shown both ways."""
    text = yuan(amount)
    if amount >= 10000 and amount % 100 == 0:
        return f"{text}（{format((amount / 10000).normalize(), 'f')}万元）"
    return text


WORKED = "计算共"  # a lead stating an amount worked out


def worked_answer(region: str, result: CalculationResult, n: int, assumptions: Sequence[str], caveat: str,
                  phrase: str = "", base_region: str = "", base_n: int = 0) -> str:
    """根据某市（文号）的规定，按条款列明的标准计算共N元[1]；计算过程：…；<caveat>. With the ``phrase`` of an
    adjustment (按省定标准的N%): 根据某市（文号）的规定（<phrase>），计算共N元[1]；…；
    基准标准依据某省（文号）的规定[base_n]."""
    assumed = f"（{'；'.join(assumptions)}）" if assumptions else ""
    amount = in_wan(result.amount) if result.amount is not None else ""
    steps = "；".join(step.rstrip("。") for step in result.trace)
    rule = f"（{phrase}）{assumed}，{WORKED}" if phrase else f"{assumed}，按条款列明的标准{WORKED}"
    lead = f"根据{region_phrase(region)}的规定{rule}{amount}。[{n}]"
    base = f"\n基准标准依据{region_phrase(base_region)}的规定。[{base_n}]" if base_region else ""
    return f"{lead}\n{WORKED_LABEL}{steps}。{base}\n{caveat}"


def list_answer(region: str, title: str, items: Sequence[str], total: int) -> str:
    """根据某市的规定，<列表标题>共N项：<第一项>[1]；<第二项>[2]；……"""
    named = f"{title}共{total}项" if title else f"所列共{total}项"
    more = f"等{total}项" if total > len(items) else ""
    listed = "；".join(f"{item}[{n}]" for n, item in enumerate(items, start=1))
    return f"根据{region_phrase(region)}的规定，{named}：{listed}{more}。"


def calculation_answer(result: CalculationResult, n: int, assumptions: Sequence[str]) -> str:
    assumed = f"（{'；'.join(assumptions)}）" if assumptions else ""
    summary = result.summary.rstrip("。")
    lines = [f"根据{result.region}的规定{assumed}：{summary}。[{n}]"]
    if result.trace and result.status != "needs_info":
        label = WORKED_LABEL[:-1] if result.amount is not None or result.amount_max is not None else "判断过程"
        lines.append(f"{label}：" + "；".join(step.rstrip("。") for step in result.trace) + "。")
    lines.extend(note if note.endswith("。") else f"{note}。" for note in result.notes)
    return "\n".join(lines)


def sum_of_parts(parts: Sequence[CalculationResult]) -> CalculationResult:
    """One result for several calculator runs of the same rule (one per level): each part's last step, then the
    total; sources and notes of the first part (the same clause)."""
    first = parts[0]
    total = sum((part.amount or Decimal(0) for part in parts), Decimal(0))
    steps = [part.trace[-1].rstrip("。") for part in parts if part.trace]
    addends = " + ".join(yuan(part.amount or Decimal(0)) for part in parts)
    summaries = "；".join(part.summary.rstrip("。") for part in parts)
    return first.model_copy(update={
        "amount": money(total), "amount_min": None, "amount_max": None, "components": {},
        "trace": [*steps, f"合计：{addends} = {yuan(total)}"],
        "summary": f"{summaries}；合计{yuan(total)}。",
    })


def needs_info_answer(result: CalculationResult, n: int) -> str:
    questions = "\n".join(f"- {fact.question}" for fact in result.missing)
    return f"根据{result.region}的规定[{n}]，{result.summary.rstrip('。')}。请补充：\n{questions}"


def ask_region(topic_title: str, documents: Iterable[DocumentMeta]) -> str:
    where = "、".join(f"{meta.region}{doc_label(meta)}" for meta in documents)
    return (
        f"请先说明您所在的地区：{topic_title}的标准因地区而异。本库中对此有规定的是：{where}。"
        f"例如可以问“我在{next(iter(documents)).region}……”。"
    )


def coverage_text(documents: Sequence[DocumentMeta]) -> str:
    """本库目前收录：北京市《…》（京政发〔2011〕33号，2011年）；…"""
    items = []
    for meta in sorted(documents, key=lambda d: (d.region, str(d.publish_date or ""))):
        year = f"，{meta.year}年" if meta.year else ""
        number = f"{meta.doc_number}{year}" if meta.doc_number else year.lstrip("，")
        items.append(f"{region_phrase(meta.region)}《{meta.title}》（{number}）")
    return "本库目前收录：" + "；".join(items) + "。"


def not_found_answer(reason: str, documents: Sequence[DocumentMeta]) -> str:
    return join(reason, coverage_text(documents), "建议向当地人力资源和社会保障部门咨询。")


def lapsed_reason(meta: DocumentMeta, year: int) -> str:
    """2028年 asked, the document ends 2027-12-31: say so, and never give its figures as that year's."""
    end = f"{meta.effective_to.year}年{meta.effective_to.month}月{meta.effective_to.day}日" if meta.effective_to else ""
    return (f"本库收录的{region_phrase(meta.region)}《{meta.title}》有效期至{end}，本库没有适用于{year}年的规定，"
            f"无法回答{year}年的标准；届时请以当地人社部门发布的新文件为准。")


def cross_region_reason(asked: Sequence[str], topic_title: str, elsewhere: Sequence[DocumentMeta]) -> str:
    asked_text = "、".join(asked)
    where = "、".join(f"{meta.region}的{doc_label(meta)}" for meta in elsewhere)
    return (
        f"本库收录的{asked_text}文件中没有关于{topic_title}标准的规定，无法回答{asked_text}的情况。"
        f"本库中只有{where}对{topic_title}作了规定，但该规定只适用于{'、'.join(m.region for m in elsewhere)}，"
        f"不能套用到{asked_text}。"
    )


def uncovered_place_reason(places: Sequence[str], topic_title: str, elsewhere: Sequence[DocumentMeta]) -> str:
    """廊坊 asked, only 石家庄 regulates it: say so, name the document, never quote its numbers."""
    places_text = "、".join(places)
    # "适用于…的" matters for a province (河北) whose one city (石家庄) is covered: we hold no rule for the province.
    reason = f"本库没有收录适用于{places_text}的政策文件，无法回答{places_text}的{topic_title}问题。"
    if not elsewhere:
        return reason
    where = "、".join(f"{meta.region}的{doc_label(meta)}" for meta in elsewhere)
    regions = "、".join(dict.fromkeys(meta.region for meta in elsewhere))
    return f"{reason}本库中对{topic_title}作出规定的是{where}，该规定只适用于{regions}，不能套用到{places_text}。"


NEXT_STEP_MARK = "下一步："  # the line saying what to do next (where to apply, or whom to ask)
KIND_TITLES = {"amount": "补贴标准", "eligibility": "申领条件", "procedure": "办理流程", "list": "范围",
               "comparison": "", GENERAL_KIND: ""}


def dangling_follow_up() -> str:
    return "请问您指的是哪项政策、哪个地区？请把问题说完整一些，例如“石家庄技能提升补贴，高级工能领多少？”。"


def ask_place_reading(place) -> str:
    readings = "、".join([place.label, *place.readings])
    return f"“{place.surface}”可能指：{readings}。这些地方适用的政策不同，请说明您指的是哪一个。"


def national_only_prefix(places: Sequence[str]) -> str:
    where = "、".join(places)
    return f"本库没有收录适用于{where}的地方文件，以下为国家层面的规定（各地执行标准以当地文件为准）："


VERDICT_LEAD = "结论："


def verdict_words(answers, normalized: str) -> dict[str, str]:
    """The verdict words, with the action the question asks about said back (能申请吗 → 不符合（不能申请）):
    answers.yaml ``verdicts`` and ``asked_action`` (a pattern whose group ``verb`` is the action)."""
    words = dict(answers.verdicts)
    match = re.search(answers.asked_action, normalized) if answers.asked_action else None
    if match is not None:
        verb = match.group("verb")
        words["eligible"] = f"{words['eligible']}（可以{verb}）"
        words["not_eligible"] = f"{words['not_eligible']}（不能{verb}）"
    return words


def verdict_line(verdict, region: str, n: int, words: dict[str, str]) -> str:
    """结论：不符合。石家庄市规定累计缴纳失业保险费12个月以上，您为8个月。[1]"""
    return f"{VERDICT_LEAD}{words[verdict.outcome]}。根据{region}的规定，{_checks_said(verdict)}。[{n}]"


def raise_unmet_line(verdict, region: str, n: int) -> str:
    """A raise of a higher level's standard whose condition the asker fails: not theirs, the standard still is."""
    return f"另：{region_phrase(region)}提高标准部分的条件您不符合，{_checks_said(verdict)}，不适用该提高部分。[{n}]"


def _checks_said(verdict) -> str:
    parts = []
    for check in verdict.checks:
        condition = check.condition()
        if check.excludes:
            parts.append(f"条款规定“{check.sentence.strip()}”，您的情况为{check.value}")
        elif check.grants:
            parts.append(f"“{check.sentence}”，达到您所问的{check.value}")
        elif check.met is None:
            parts.append(f"条款要求{condition}，请补充您的实际情况")
        else:
            counted = f"（{check.note}）" if check.note else ""
            parts.append(f"条款要求{condition}，您的情况为{_plain(check.value)}{_unit(check)}{counted}")
    return "；".join(dict.fromkeys(parts))


def _plain(value) -> str:
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


def _unit(check) -> str:
    unit = check.threshold.unit
    return "个月" if unit == "月" else unit


def standard_if_eligible(result: CalculationResult, n: int) -> str:
    """What the rule would give once its conditions are met (never stated as the user's amount)."""
    summary = result.summary.rstrip("。")
    return f"（供参考：符合条件后，{summary}。[{n}]）"


def conflict_note(meta: DocumentMeta, n: int) -> str:
    """Another in-force document of the region states a different figure for a point a verified rule covers: said,
    dated and cited — its figure is not repeated (figures for a verified point come from the verified rule)."""
    when = f"（{cn_date(meta.publish_date)}）" if meta.publish_date else ""
    return (f"注意：本库中同一地区的{doc_label(meta)}{when}[{n}]对同一事项规定了不同的标准，两份文件均标注为现行有效，"
            "存在冲突；以上标准来自已核验的规则，请以当地人力资源和社会保障部门的解释为准。")


def expired_note(meta: DocumentMeta) -> str:
    until = f"（有效期至{meta.effective_to.year}年{meta.effective_to.month}月{meta.effective_to.day}日）" \
        if meta.effective_to else ""
    return f"注意：该文件已过有效期{until}，现行规定请以当地最新文件为准。"


def repeals(newer: DocumentMeta, old: DocumentMeta) -> bool:
    """The newer document says in so many words that the old one is repealed (原《…》同时废止)."""
    return names_document(newer.supersedes, old)


def names_document(entries: Iterable[str], old: DocumentMeta) -> bool:
    """One of the 文号 or titles a repealing clause lists (``ingest.validity.repealed``) is the document's."""
    names = {n for n in (old.doc_number, old.title, old.wrapped_title) if n}
    return any(any(name in entry or entry in name for name in names) for entry in entries)


def replaced_by_note(newer: Sequence[DocumentMeta], old: DocumentMeta | None = None) -> str:
    """注意：该文件已废止——《新文件》（YYYY年，自YYYY年M月D日起施行）明确规定原文件同时废止…"""
    items = "、".join(f"{doc_label(d)}（{d.year}年{_in_force_from(d)}）" for d in newer)
    if old is not None and any(repeals(d, old) for d in newer):
        return f"注意：该文件已废止——{items}明确规定原文件同时废止，现以新文件为准。"
    return f"注意：该文件为早期政策，同一事项现以{items}为准。"


def kept_by_transition_note(newer: Sequence[DocumentMeta]) -> str:
    """注意：该文件已被《新文件》取代；按新文件的过渡安排（见下文），您所述的情形仍按该文件的标准执行。"""
    items = "、".join(f"{doc_label(d)}（{d.year}年{_in_force_from(d)}）" for d in newer)
    return f"注意：该文件已被{items}取代；按新文件的过渡安排（见下文），您所述的情形仍按该文件的标准执行。"


def _in_force_from(meta: DocumentMeta) -> str:
    return f"，自{cn_date(meta.effective_from)}起施行" if meta.effective_from else ""


def cn_date(value) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def metadata_line(meta: DocumentMeta, label: str) -> str:
    """文号、发文机关、发布与施行日期、有效期 and 效力 of a document, as its metadata records them."""
    parts = [f"文号：{meta.doc_number}" if meta.doc_number else "文号：原文未标注"]
    if meta.wrapped_title:
        parts.append(f"印发的文件：《{meta.wrapped_title}》")
    if meta.issuer:
        parts.append(f"发文机关：{meta.issuer}")
    if meta.publish_date:
        parts.append(f"发布日期：{cn_date(meta.publish_date)}")
    if meta.effective_from:
        parts.append(f"施行日期：{cn_date(meta.effective_from)}")
    if meta.effective_to:
        parts.append(f"有效期至：{cn_date(meta.effective_to)}")
    parts.append(f"效力：{STATUS_LABELS.get(meta.status, meta.status)}")
    return f"{label}——" + "；".join(parts) + "。"


def combine(question: str, answers: Sequence[Answer], titles: Sequence[str]) -> Answer:
    """One answer with a part per sub-question: each part's text under its title, citations renumbered in order. The
    same refusal of every part is said once, and a next step several parts end with is said by the last of them."""
    if len(answers) > 1 and all(a.status == "not_found" for a in answers) and len({a.answer for a in answers}) == 1:
        return answers[0].model_copy(update={"question": question})
    lines: list[str] = []
    citations: list[Citation] = []
    calls = []
    for title, answer in zip(titles, answers, strict=True):
        offset = len(citations)
        text = answer.answer
        for citation in sorted(answer.citations, key=lambda c: -c.n):
            text = text.replace(f"[{citation.n}]", f"[{citation.n + offset}]")
        text = text.split("本库目前收录")[0].rstrip() if answer.status == "not_found" else text
        lines.append(f"【{title}】{text}")
        citations += [c.model_copy(update={"n": c.n + offset}) for c in answer.citations]
        calls += answer.tool_calls
    statuses = {a.status for a in answers}
    status = "answered" if "answered" in statuses else ("needs_info" if "needs_info" in statuses else "not_found")
    return Answer(question=question, status=status, answer=_last_next_steps("\n".join(lines)), citations=citations,
                  tool_calls=calls)


def _last_next_steps(text: str) -> str:
    """The text without the earlier copies of a next-step line it repeats word for word (each part's 12333 advice)."""
    lines = text.split("\n")
    later: set[str] = set()
    kept: list[str] = []
    for line in reversed(lines):
        if line.startswith(NEXT_STEP_MARK) and line in later:
            continue
        later.add(line)
        kept.append(line)
    return "\n".join(reversed(kept))


LEAD_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)元")


def lead_amount(answer: Answer) -> Decimal | None:
    """The one amount a part's direct answer (its first line) states, else None — a sum it states only as added to a
    standard (在省定标准基础上每人每月增加200元, quoted with no calculation) is no amount of the place's own."""
    if answer.status != "answered":
        return None
    line = answer.answer.split("\n", 1)[0]
    sums_added = [(q.start, q.end) for q in find_quantities(line)  # never the amount worked out (计算共N元)
                  if added(line, q) and not line[: q.start].endswith(WORKED)]
    found = {Decimal(m.group(1).replace(",", "")) for m in LEAD_AMOUNT.finditer(line)
             if not any(start <= m.start() < end for start, end in sums_added)}
    return found.pop() if len(found) == 1 else None


SHARE = re.compile(r"\d\s*/\s*\d|分之")


def person_amount(answer: Answer) -> Decimal | None:
    """What one person gets, as their part's lead states it: an amount worked out, or a clause's one flat sum (中级工
    每人500元) — never a cap (每月最高不超过500元) or a sum beside a share of something the part did not work out
    (按实际缴费额的2/3)."""
    line = answer.answer.split("\n", 1)[0]
    if WORKED not in line:
        found = find_quantities(line)
        if SHARE.search(line) or any(q.kind == "percent" or (q.kind == "money" and q.bound) for q in found):
            return None
    return lead_amount(answer)


def with_difference(combined: Answer, answers: Sequence[Answer], labels: Sequence[str]) -> Answer:
    """差多少钱: when each of two parts states one amount, the difference leads (each figure from its cited part)."""
    amounts = [lead_amount(a) for a in answers]
    if any(a is None for a in amounts):
        return combined
    (first, second), (a, b) = labels, amounts
    assert a is not None and b is not None
    if a == b:
        line = f"两者标准相同，均为{yuan(a)}（{first}、{second}）。"
    else:
        high, low = (first, second) if a > b else (second, first)
        line = f"两者相差{yuan(abs(a - b))}：{high}{yuan(max(a, b))}，{low}{yuan(min(a, b))}（依据见下文各部分）。"
    return combined.model_copy(update={"answer": f"{line}\n{combined.answer}"})


def with_sum(combined: Answer, answers: Sequence[Answer], labels: Sequence[str]) -> Answer | None:
    """一共多少 of two benefits: their sum leads (each figure from its cited part); None unless each part states one
    amount of a clause of its own."""
    amounts = [lead_amount(a) for a in answers]
    firsts = [a.citations[0].chunk_id if a.citations else None for a in answers]
    if any(a is None for a in amounts) or None in firsts or len(set(firsts)) < len(firsts):
        return None
    return _with_total_line(combined, [a for a in amounts if a is not None], labels)


def with_people_total(combined: Answer, answers: Sequence[Answer], labels: Sequence[str], not_eligible: str
                      ) -> Answer:
    """我家一共多少 of several people: their total leads, each person's figure from their part, a part concluding
    ``not_eligible`` (结论：不符合: the rule does not cover that person) adding 0元. The parts alone when a part states
    no one amount (its figure unknown: no total is made up)."""
    nothing = f"{VERDICT_LEAD}{not_eligible}"
    left_out = [a.status == "answered" and any(line.startswith(nothing) for line in a.answer.split("\n"))
                for a in answers]
    amounts = [Decimal(0) if out else person_amount(a) for a, out in zip(answers, left_out, strict=True)]
    known = [a for a in amounts if a is not None]
    if len(known) < len(amounts) or not any(known):
        return combined
    notes = [f"（{not_eligible}条件）" if out else "" for out in left_out]
    return _with_total_line(combined, known, labels, notes)


def _with_total_line(combined: Answer, amounts: Sequence[Decimal], labels: Sequence[str],
                     notes: Sequence[str] = ()) -> Answer:
    total = sum(amounts, Decimal(0))
    notes = notes or [""] * len(amounts)
    terms = " + ".join(f"{label}{yuan(a)}{note}" for label, a, note in zip(labels, amounts, notes, strict=True))
    line = f"合计{yuan(total)}：{terms} = {yuan(total)}（依据见下文各部分）。"
    return combined.model_copy(update={"answer": f"{line}\n{combined.answer}"})


def repealed_note(number: str, repealer: DocumentMeta, n: int) -> str:
    """赣人社发〔2017〕29号 is not in the library, but a library document repeals it."""
    by = repealer.doc_number or f"{repealer.year}年文件"
    where = f"{region_phrase(repealer.region)}{doc_label(repealer)}（{repealer.year}年）"
    return f"本库未收录{number}。{where}明确规定该文件同时废止[{n}]，已不再执行，现以{by}为准。"


def before_now_note(old: DocumentMeta, new: DocumentMeta, citation: Citation, said: str, change: str) -> str:
    """原规定（文号，年份）[n]：<what it said>。<change>现以<newer>为准。"""
    said = said.rstrip("。；;：:")
    return (f"原规定（{old.doc_number or doc_label(old)}，{old.year}年）[{citation.n}]{citation.clause}：{said}。"
            f"{change}现以{new.doc_number or doc_label(new)}（{new.year}年）为准。")


TRANSITION_APPLIES = ("按新文件的过渡安排（见下文“过渡安排”），新文件施行前已开始、并在其规定期限内申领的，"
                      "仍按原规定的标准执行，因此以下按原规定回答：")


def transition_line(said: str, n: int) -> str:
    """过渡安排：<the replacing document's rule for cases begun under the old one>[n]"""
    return f"过渡安排：{said}[{n}]"


def earlier_policy_note(old: DocumentMeta, new: DocumentMeta, citation: Citation) -> str:
    return (
        f"另：较早的{doc_label(old)}（{old.year}年）[{citation.n}]{citation.clause}也涉及这一事项，"
        f"该文件为早期政策，现以{new.doc_number or doc_label(new)}（{new.year}年）为准。"
    )
